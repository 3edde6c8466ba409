using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Health.Checks
{
    /// <summary>A recordstore's cluster record ingest: off means records are being dropped (a failed upgrade can leave it so).</summary>
    internal sealed class IngestCheck : IHealthCheck
    {
        public HealthCheck Name => HealthCheck.Ingest;

        public async Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(HealthContext context, CancellationToken cancellationToken)
        {
            if (context.Role != ApplianceRole.Recordstore) return Enumerable.Empty<ExtraHopHealthFinding>();
            ClusterIngestState state;
            try
            {
                state = await ClusterApi.GetAsync(context.Session, cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterIngestUnsupportedException ex)
            {
                // The guide documents only changing ingest; an appliance that does not let it be read is not unhealthy for that.
                return context.One(Name, HealthStatus.OK, "Not checked: " + ex.Message);
            }

            return state.IngestEnabled
                ? context.One(Name, HealthStatus.OK, $"Record ingest is on (cluster {state.ClusterId}).", true)
                : context.One(Name, HealthStatus.Critical, $"Record ingest is off (cluster {state.ClusterId}): records are dropped.", false);
        }
    }
}
