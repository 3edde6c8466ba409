using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;
using ExtraHop.Upgrade;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Waits for jobs to finish, through appliance reboots, within a time limit. Jobs from the pipeline are followed
    /// together (each appliance independently) and each final job is written as soon as it ends.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "EHJob", DefaultParameterSetName = JobSet)]
    [OutputType(typeof(ExtraHopJob))]
    public sealed class WaitEHJobCommand : ExtraHopCmdlet
    {
        private const string JobSet = "Job";
        private const string IdSet = "Id";
        private const int FirstActivityId = 7100;
        private readonly List<ExtraHopJob> jobs = new List<ExtraHopJob>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = JobSet)]
        [ValidateNotNull]
        public ExtraHopJob[]? Job { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(JobIdCompleter))]
        public string? Id { get; set; }

        [Parameter(ParameterSetName = IdSet)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        [ValidateRange(1, TimeLimits.MaxWaitSeconds)]
        public int TimeoutSec { get; set; } = 3600;

        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 5;

        [Parameter]
        public SwitchParameter AcceptNewCertificate { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                string location;
                try
                {
                    location = JobApi.LocationOf(Id!);
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(ErrorMapper.ToErrorRecord(ex, Id));
                    return;
                }
                foreach (ExtraHopSession session in ResolveSessions(Session)) jobs.Add(JobApi.Pending(session, location));
                return;
            }

            foreach (ExtraHopJob job in Job!)
            {
                if (job.Session == null || !job.Session.IsConnected)
                {
                    WriteError(new ErrorRecord(new InvalidOperationException($"Job {job.Id} has no connected session to follow it through; use Wait-EHJob -Id '{job.Id}' -Session <appliance>."),
                        ErrorIds.SessionClosed, ErrorCategory.InvalidArgument, job));
                    continue;
                }
                jobs.Add(job);
            }
        }

        protected override void EndProcessing()
        {
            if (jobs.Count == 0) return;
            TimeSpan timeout = TimeSpan.FromSeconds(TimeoutSec);
            TimeSpan poll = TimeSpan.FromSeconds(PollIntervalSec);
            Run(token => FleetRunner.RunAsync<ExtraHopJob, bool>(
                jobs,
                throttleLimit: jobs.Count,
                (job, jobToken) => FollowAsync(job, jobs.IndexOf(job), timeout, poll, jobToken),
                job => false,
                null,
                token));
        }

        private async System.Threading.Tasks.Task<bool> FollowAsync(ExtraHopJob job, int index, TimeSpan timeout, TimeSpan poll, CancellationToken token)
        {
            var line = new ProgressLine(FirstActivityId + index, $"Waiting for job {job.Id} on {job.Server}");
            try
            {
                var newCertificate = new NewCertificatePolicy(AcceptNewCertificate, warning => Post(() => WriteWarning(warning)));
                ExtraHopJob final = await JobWaiter.WaitAsync(job, timeout, poll, update =>
                {
                    ProgressRecord? record = line.Update(ApplianceUpgrader.Describe(update), ApplianceUpgrader.PercentOf(update.Job));
                    if (record != null) Post(() => WriteProgress(record));
                }, token, newCertificate).ConfigureAwait(false);

                if (final.Succeeded) Post(() => WriteObject(final));
                else Post(() => WriteError(JobErrors.Failed(new JobFailedException(final))));
                return final.Succeeded;
            }
            catch (JobWaitTimeoutException ex)
            {
                Post(() => WriteError(JobErrors.WaitTimedOut(ex, job)));
            }
            catch (ExtraHopApiException ex)
            {
                Post(() => WriteFailure(ex, job));
            }
            finally
            {
                Post(() => WriteProgress(line.Completed()));
            }
            return false;
        }
    }
}
