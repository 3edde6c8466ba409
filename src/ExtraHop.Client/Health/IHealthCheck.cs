using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Models;

namespace ExtraHop.Health
{
    /// <summary>
    /// One check of a health report. Each reads what it needs from one appliance and says what it found; a check
    /// that does not apply (ingest on a sensor) returns nothing. A failure to read is not the check's to handle:
    /// the reporter turns it into a warning that the check could not run, and the other checks go on.
    /// </summary>
    internal interface IHealthCheck
    {
        HealthCheck Name { get; }

        Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(HealthContext context, CancellationToken cancellationToken);
    }
}
