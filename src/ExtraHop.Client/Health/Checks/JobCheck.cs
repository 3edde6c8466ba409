using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Health.Checks
{
    /// <summary>
    /// Jobs running now (an upgrade or a certificate regeneration in progress: the appliance may restart) and jobs
    /// that failed or timed out within the look-back window, one warning each. A failed job the appliance gives no
    /// time for is reported too: the list it is still on is the only evidence of when it ran.
    /// </summary>
    internal sealed class JobCheck : IHealthCheck
    {
        public HealthCheck Name => HealthCheck.Jobs;

        public async Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(HealthContext context, CancellationToken cancellationToken)
        {
            List<ExtraHopJob> jobs = await JobApi.ListAsync(context.Session, cancellationToken).ConfigureAwait(false);
            int hours = context.Options.JobLookbackHours;
            DateTimeOffset since = context.Now.AddHours(-hours);
            var findings = new List<ExtraHopHealthFinding>();
            foreach (ExtraHopJob job in jobs)
            {
                string name = job.Type == null ? $"Job {job.Id}" : $"Job {job.Id} ({job.Type})";
                if (!job.IsFinished)
                {
                    findings.Add(context.Finding(Name, HealthStatus.Warning, $"{name} is running: {job.Progress}.", job.Id));
                    continue;
                }
                if (job.Succeeded) continue;

                DateTimeOffset? when = JobTimes.LastActivity(job);
                if (when.HasValue && when.Value < since) continue;
                string at = when.HasValue ? " " + when.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : " (time not given)";
                string details = string.IsNullOrWhiteSpace(job.Details) ? string.Empty : ": " + job.Details!.Trim();
                findings.Add(context.Finding(Name, HealthStatus.Warning, $"{name} ended {job.Status}{at}{details}", job.Id));
            }

            if (findings.Count == 0) findings.Add(context.Finding(Name, HealthStatus.OK, $"None running or failed in {hours} h."));
            return findings;
        }
    }
}
