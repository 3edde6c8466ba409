using System.Threading.Tasks;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary><c>/extrahop</c> and its small siblings: what the appliance is and runs; and restarting it.</summary>
internal static class SystemEndpoints
{
    private const string Edition = "Reveal(x) Enterprise";

    public static Task GetSystemAsync(ApiContext c) => c.OkAsync(new SystemInfo(
        c.Engine.Facts().CurrentVersion,
        c.Appliance.Name,
        c.Appliance.Name,
        string.Empty,
        "127.0.0.1",
        Platform(c.Engine.Role)));

    public static Task GetEditionAsync(ApiContext c) => c.OkAsync(new EditionInfo(Edition));

    public static Task GetPlatformAsync(ApiContext c) => c.OkAsync(new PlatformInfo(Platform(c.Engine.Role)));

    public static Task GetVersionAsync(ApiContext c) => c.OkAsync(new VersionInfo(c.Engine.Facts().CurrentVersion));

    /// <summary>
    /// 202 with no Location: the guide lists only firmware/latest/upgrade and sslcert as creating jobs, and a
    /// summary of the REST API Explorer's description says only "The appliance is restarting".
    /// </summary>
    public static Task RestartAsync(ApiContext c)
    {
        c.Engine.Restart();
        return c.AcceptedWithoutJobAsync();
    }

    /// <summary>202 with no Location, like the restart; the appliance goes down and stays down.</summary>
    public static Task ShutdownAsync(ApiContext c)
    {
        c.Engine.Shutdown();
        return c.AcceptedWithoutJobAsync();
    }

    /// <summary>
    /// The iDRAC address under the INFERRED field <c>idrac_ipaddr</c> (the real field name is UNKNOWN); 404 on an
    /// appliance configured without one, as a virtual appliance has none.
    /// </summary>
    public static Task GetIdracAsync(ApiContext c) => c.Appliance.IdracAddress is { } address
        ? c.OkAsync(new IdracInfo(address))
        : throw new ApiErrorException(404, "This appliance has no iDRAC");

    /// <summary>
    /// The API's own words for the appliance types (they name <c>remote_appliance_type</c> values).
    /// What real appliances put in <c>platform</c> is unverified; these words at least let clients tell roles apart.
    /// </summary>
    internal static string Platform(ApplianceRole role) => role switch
    {
        ApplianceRole.Console => "command",
        ApplianceRole.Recordstore => "explore",
        ApplianceRole.Packetstore => "trace",
        _ => "discover",
    };

    private sealed record SystemInfo(string Version, string Hostname, string DisplayHost, string ExternalHostname, string MgmtIpaddr, string Platform);

    private sealed record EditionInfo(string Edition);

    private sealed record PlatformInfo(string Platform);

    private sealed record VersionInfo(string Version);

    private sealed record IdracInfo(string IdracIpaddr);
}
