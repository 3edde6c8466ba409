using System.Collections.Generic;

namespace ExtraHop.Simulator;

/// <summary>
/// One release in the simulated ExtraHop Cloud Services catalogue, as <c>GET /extrahop/firmware/next</c> reports it.
/// </summary>
/// <remarks>
/// Whether a release is the appliance's current one (<c>current_release</c>) is not part of the catalogue: each
/// appliance reports it for the release line of the firmware it runs.
/// </remarks>
/// <param name="Release">The release line, for example "9.9".</param>
/// <param name="Versions">Builds in this release, newest first.</param>
public sealed record FirmwareRelease(string Release, IReadOnlyList<string> Versions);
