using System;
using System.Collections.Generic;

namespace ExtraHop.Simulator.Engine;

/// <summary>What a job is asked to do.</summary>
/// <param name="Type">The job's <c>type</c> on the wire.</param>
/// <param name="Steps">Its steps, in order.</param>
/// <param name="TargetVersion">The version installed at the reboot; for a URL download it becomes known only when the image arrives.</param>
/// <param name="DownloadUrl">For URL downloads: where the appliance fetches the image.</param>
/// <param name="Force">Whether an older image may be installed.</param>
/// <param name="OnDone">What the job changes once it ends DONE (a registered license, a new certificate); runs under the engine's lock, so it must be quick.</param>
internal sealed record JobSpec(string Type, IReadOnlyList<JobStep> Steps, string? TargetVersion, Uri? DownloadUrl, bool Force, Action? OnDone = null);
