using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Health.Checks
{
    /// <summary>
    /// Enrolment in ExtraHop Cloud Services (firmware from the cloud, machine-learning detections): not enrolled is a
    /// warning. Before 9.9 only consoles can tell, so other roles on older firmware give no finding. A site that runs
    /// without cloud services on purpose leaves this check out with -SkipCheck CloudServices.
    /// </summary>
    internal sealed class CloudServiceCheck : IHealthCheck
    {
        public HealthCheck Name => HealthCheck.CloudServices;

        public async Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(HealthContext context, CancellationToken cancellationToken)
        {
            ExtraHopCloudService status;
            try
            {
                status = await CloudServiceApi.GetAsync(context.Session, cancellationToken).ConfigureAwait(false);
            }
            catch (ApplianceRefusedException ex) when (ex.Refusal == ApplianceRefusal.ConsoleOnly)
            {
                return Enumerable.Empty<ExtraHopHealthFinding>();
            }

            string said = string.IsNullOrWhiteSpace(status.Status) ? string.Empty : $" ({status.Status!.Trim()})";
            return status.Enrolled == false
                ? context.One(Name, HealthStatus.Warning, $"Not enrolled in ExtraHop Cloud Services{said}.", false)
                : context.One(Name, HealthStatus.OK, $"Enrolled in ExtraHop Cloud Services{said}.", status.Enrolled);
        }
    }
}
