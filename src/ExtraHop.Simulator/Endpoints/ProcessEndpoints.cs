using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// GET /extrahop/processes and POST /extrahop/processes/{process}/restart. The fields of a process are UNKNOWN;
/// the simulator answers the INFERRED <c>process</c> and <c>uptime</c> (seconds), plus a <c>status</c> word, and
/// lists a stopped process with status "stopped" and uptime 0.
/// </summary>
internal static class ProcessEndpoints
{
    public static Task ListAsync(ApiContext c) => c.OkAsync(c.Appliance.System.Processes()
        .Select(p => new ProcessInfo(p.Name, p.UptimeSeconds ?? 0, p.UptimeSeconds is null ? "stopped" : "running"))
        .ToArray());

    /// <summary>201, as the API spec gives; a name the appliance has no process for is 404.</summary>
    public static Task RestartAsync(ApiContext c)
    {
        var name = c.RouteValue("process");
        if (!c.Appliance.System.HasProcess(name))
        {
            throw new ApiErrorException(404, $"Unknown process: {name}");
        }

        c.Appliance.System.RestartProcess(name);
        c.Engine.Record(SimulatorEventKind.ProcessRestarted, $"process={name}");
        return c.CreatedAsync();
    }

    private sealed record ProcessInfo(string Process, long Uptime, string Status);
}
