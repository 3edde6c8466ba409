using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Health.Checks
{
    /// <summary>
    /// The appliance's processes: each one known not to run is critical (its part of the appliance is down).
    /// A process whose state the appliance does not tell is not counted as stopped.
    /// </summary>
    internal sealed class ProcessCheck : IHealthCheck
    {
        public HealthCheck Name => HealthCheck.Processes;

        public async Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(HealthContext context, CancellationToken cancellationToken)
        {
            List<ExtraHopProcess> processes = await ProcessApi.GetAllAsync(context.Session, cancellationToken).ConfigureAwait(false);
            List<ExtraHopHealthFinding> stopped = processes
                .Where(p => p.IsRunning == false)
                .Select(p => context.Finding(Name, HealthStatus.Critical, $"{p.Name} is not running. Restart-EHProcess {p.Name} starts it.", p.Name))
                .ToList();
            if (stopped.Count > 0) return stopped;
            int running = processes.Count(p => p.IsRunning == true);
            return context.One(Name, HealthStatus.OK, $"{running} of {processes.Count} running, none stopped.");
        }
    }
}
