using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    /// <summary>
    /// One appliance's upgrade or rollback within its time limit (-TimeoutSec), turned into a result whatever
    /// happens: the appliance's own failures, the time limit and Ctrl+C become the result's status and error,
    /// never an exception. The job waiter stops at the limit by itself (with a resume hint); everything it does
    /// not cover (a hung upload or start request) is cut off <see cref="Grace"/> after the limit, so a run never
    /// lasts more than -TimeoutSec plus that grace.
    /// </summary>
    internal sealed class ApplianceRun
    {
        /// <summary>How long past -TimeoutSec a run may last; documented in about_ExtraHop_FirmwareUpgrade.</summary>
        public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

        // CancellationTokenSource.CancelAfter takes at most int.MaxValue milliseconds (about 24 days).
        private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(int.MaxValue);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly TimeSpan timeLimit;

        private ApplianceRun(ExtraHopSession session, FirmwareUpgradeResult result, TimeSpan timeLimit, CancellationToken token)
        {
            Session = session;
            Result = result;
            this.timeLimit = timeLimit;
            Token = token;
        }

        public ExtraHopSession Session { get; }
        public FirmwareUpgradeResult Result { get; }

        /// <summary>What the run is doing now, for the message when it is cut short.</summary>
        public string Phase { get; set; } = "starting";

        /// <summary>What is left of the time limit: the job waiter's own deadline.</summary>
        public TimeSpan TimeLeft => timeLimit - clock.Elapsed;

        /// <summary>Every request and wait of the run: cancelled by Ctrl+C, or <see cref="Grace"/> after the time limit.</summary>
        public CancellationToken Token { get; }

        public static async Task<FirmwareUpgradeResult> CaptureAsync(
            ExtraHopSession session,
            FirmwareUpgradeResult result,
            TimeSpan timeLimit,
            CancellationToken cancellationToken,
            Func<ApplianceRun, Task> work)
        {
            using (var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                if (timeLimit + Grace < LongestTimer) hardStop.CancelAfter(timeLimit + Grace);
                var run = new ApplianceRun(session, result, timeLimit, hardStop.Token);
                try
                {
                    await work(run).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    run.Fail(UpgradeStatus.Cancelled, $"Cancelled while {run.Phase} on {session.Server}.{run.ResumeHint()}", null);
                }
                catch (OperationCanceledException)
                {
                    run.Fail(UpgradeStatus.TimedOut, $"{session.Server} did not finish within {timeLimit.TotalSeconds:0} seconds (-TimeoutSec) while {run.Phase}.{run.ResumeHint()}", null);
                }
                catch (JobWaitTimeoutException ex)
                {
                    run.Fail(UpgradeStatus.TimedOut, ex.Message, ex);
                    await run.ReadBackVersionAsync().ConfigureAwait(false);
                }
                catch (JobFailedException ex)
                {
                    bool timedOut = string.Equals(ex.Job.Status, "TIMEOUT", StringComparison.OrdinalIgnoreCase);
                    run.Fail(timedOut ? UpgradeStatus.TimedOut : UpgradeStatus.Failed, ex.Message, ex);
                    await run.ReadBackVersionAsync().ConfigureAwait(false);
                }
                catch (ExtraHopApiException ex)
                {
                    // Its message already starts with the server.
                    run.Fail(UpgradeStatus.Failed, ex.Message, ex);
                    await run.ReadBackVersionAsync().ConfigureAwait(false);
                }
                catch (ArgumentException ex)
                {
                    run.Fail(UpgradeStatus.Failed, $"{session.Server}: {ex.Message}", ex);
                }
                result.Duration = run.clock.Elapsed;
            }
            return result;
        }

        /// <summary>Reads the version the appliance runs after its job, and succeeds only when it is the expected one.</summary>
        public async Task VerifyVersionAsync(string? expected, string jobName)
        {
            Phase = "reading the version the appliance runs now";
            FirmwareInfo running = await FirmwareApi.GetRunningAsync(Session, Token).ConfigureAwait(false);
            Result.ToVersion = running.Version;
            if (expected != null && FirmwareVersion.Compare(running.Version, expected) != 0)
            {
                Fail(UpgradeStatus.Failed, $"The {jobName} finished, but {Session.Server} runs {running.Version} instead of {expected}.", null);
            }
            else
            {
                Result.Status = UpgradeStatus.Succeeded;
            }
        }

        public void Fail(UpgradeStatus status, string error, Exception? cause)
        {
            Result.Status = status;
            Result.Error = error;
            Result.Failure = cause;
        }

        private string ResumeHint() =>
            Result.JobId == null ? string.Empty : $" Its job {Result.JobId} may still be running: Wait-EHJob -Id '{Result.JobId}' -Session '{Session.Server}'.";

        /// <summary>
        /// After a job failed or ran out of time, the appliance may nevertheless have rebooted into the new version:
        /// read it back, as far as the time limit allows, so ToVersion tells what it runs. Only a version that
        /// differs from the one it ran before is recorded, and the status stays what it was: best effort, never a
        /// failure turned into success.
        /// </summary>
        private async Task ReadBackVersionAsync()
        {
            if (Result.JobId == null || Token.IsCancellationRequested) return;
            try
            {
                FirmwareInfo running = await FirmwareApi.GetRunningAsync(Session, Token).ConfigureAwait(false);
                if (FirmwareVersion.Compare(running.Version, Result.FromVersion) != 0) Result.ToVersion = running.Version;
            }
            catch (Exception ex) when (ex is ExtraHopApiException || ex is OperationCanceledException)
            {
                // Not answering now does not change what the result already says.
            }
        }
    }
}
