using System;
using System.Collections.Generic;

namespace ExtraHop.Simulator.Engine;

/// <summary>What a job is asked to do.</summary>
/// <param name="Type">The job's <c>type</c> on the wire.</param>
/// <param name="Steps">Its steps, in order.</param>
/// <param name="TargetVersion">The version installed at the reboot; for a URL download it becomes known only when the image arrives.</param>
/// <param name="DownloadUrl">For URL downloads: where the appliance fetches the image.</param>
/// <param name="Force">Whether an older image may be installed.</param>
/// <param name="RemoteSystems">For a console upgrading connected appliances: their ids, each a sub-job in <c>remote_jobs</c>.</param>
/// <param name="OnDone">What the job changes once it ends DONE (a registered license, a new certificate); runs under the engine's lock, so it must be quick.</param>
internal sealed record JobSpec(
    string Type,
    IReadOnlyList<JobStep> Steps,
    string? TargetVersion,
    Uri? DownloadUrl,
    bool Force,
    IReadOnlyList<RemoteSystem>? RemoteSystems = null,
    Action? OnDone = null);

/// <summary>A connected appliance a console's job upgrades; <paramref name="Fails"/> makes its sub-job end FAILED (a fault).</summary>
internal sealed record RemoteSystem(long SystemId, bool Fails);
