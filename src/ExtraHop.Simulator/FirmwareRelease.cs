using System.Collections.Generic;

namespace ExtraHop.Simulator;

/// <summary>
/// One release in the simulated ExtraHop Cloud Services catalogue, as <c>GET /extrahop/firmware/next</c> reports it.
/// </summary>
/// <param name="Release">The release line, for example "9.9".</param>
/// <param name="CurrentRelease">True for the release line the appliance is on ("latest hotfix" picks from it).</param>
/// <param name="Versions">Builds in this release, newest first.</param>
public sealed record FirmwareRelease(string Release, bool CurrentRelease, IReadOnlyList<string> Versions);
