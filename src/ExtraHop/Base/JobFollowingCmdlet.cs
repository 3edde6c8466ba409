using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;
using ExtraHop.Upgrade;

namespace ExtraHop.Base
{
    /// <summary>
    /// A cmdlet whose change may start a short job on the appliance (license registration, a new TLS certificate) and
    /// that follows it to its end within -TimeoutSec, so the command returns when the change is in effect. A job that
    /// ends FAILED or TIMEOUT, or a wait that runs out, is an error for that appliance; the others go on.
    /// </summary>
    public abstract class JobFollowingCmdlet : ExtraHopCmdlet
    {
        private const int ActivityId = 7300;

        /// <summary>These jobs take seconds: poll often enough that the command ends soon after the job does.</summary>
        private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

        [Parameter]
        [ValidateRange(1, TimeLimits.MaxWaitSeconds)]
        public int TimeoutSec { get; set; } = 600;

        /// <summary>Follows the job to its end; a job that did not end DONE is thrown as a <see cref="JobFailedException"/>.</summary>
        protected async Task<ExtraHopJob> FollowAsync(ExtraHopJob job, string activity, CancellationToken token)
        {
            var line = new ProgressLine(ActivityId, $"{activity} on {job.Server}");
            try
            {
                ExtraHopJob final = await JobWaiter.WaitAsync(job, TimeSpan.FromSeconds(TimeoutSec), PollInterval, update =>
                {
                    ProgressRecord? record = line.Update(ApplianceUpgrader.Describe(update), ApplianceUpgrader.PercentOf(update.Job));
                    if (record != null) Post(() => WriteProgress(record));
                }, token).ConfigureAwait(false);
                if (!final.Succeeded) throw new JobFailedException(final);
                return final;
            }
            finally
            {
                Post(() => WriteProgress(line.Completed()));
            }
        }

        /// <summary>Like TryRun, for work that follows a job: its failures are errors for this target too.</summary>
        protected bool TryRunWithJob<T>(object? target, Func<CancellationToken, Task<T>> work, out T result)
        {
            try
            {
                result = Run(work);
                return true;
            }
            catch (JobFailedException ex)
            {
                var record = new ErrorRecord(ex, ex.Job.Status == "TIMEOUT" ? ErrorIds.JobTimedOut : ErrorIds.JobFailed, ErrorCategory.InvalidResult, target ?? ex.Job);
                record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = $"Check the job's details (Get-EHJob -Id '{ex.Job.Id}' -Session '{ex.Job.Server}') before trying again." };
                WriteError(record);
            }
            catch (JobWaitTimeoutException ex)
            {
                WriteError(JobErrors.WaitTimedOut(ex, ex.LastSeen ?? new ExtraHopJob { Id = ex.JobId }));
            }
            catch (Exception ex) when (ex is ExtraHopApiException || ex is ArgumentException)
            {
                WriteFailure(ex, target);
            }
            result = default!;
            return false;
        }
    }
}
