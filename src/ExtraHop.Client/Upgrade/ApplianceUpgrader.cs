using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Firmware;
using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    /// <summary>
    /// One appliance's upgrade from start to a verified end: upload or download, start the upgrade, follow the job
    /// through the reboot, then read back the version the appliance actually runs. Never throws for the appliance's
    /// own failures: every outcome (including Ctrl+C and the time limit) becomes a result.
    /// </summary>
    internal static class ApplianceUpgrader
    {
        // The job waiter stops at the deadline itself (with a resume hint); this margin only catches what it does not cover.
        private static readonly TimeSpan HardStopMargin = TimeSpan.FromSeconds(30);

        public static async Task<FirmwareUpgradeResult> UpgradeAsync(PlannedAppliance appliance, UpgradeRunOptions options, IUpgradeObserver observer, CancellationToken cancellationToken)
        {
            ExtraHopSession session = appliance.Target.Session;
            UpgradePlanEntry entry = appliance.Entry;
            var result = NewResult(appliance);
            var clock = Stopwatch.StartNew();
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                limit.CancelAfter(options.Timeout + HardStopMargin);
                string phase = "starting";
                try
                {
                    phase = "starting the upgrade";
                    ExtraHopJob job = await StartAsync(appliance, options, observer, limit.Token).ConfigureAwait(false);
                    result.JobId = job.Id;
                    if (appliance.Target.Source.Kind == UpgradeSourceKind.Version)
                    {
                        phase = "downloading the image from ExtraHop Cloud Services";
                        await FollowAsync(job, entry, options, observer, options.Timeout - clock.Elapsed, limit.Token).ConfigureAwait(false);
                        job = await FirmwareApi.StartUpgradeAsync(session, options.SkipCompatibilityCheck, limit.Token).ConfigureAwait(false);
                        result.JobId = job.Id;
                    }

                    phase = "waiting for the upgrade job";
                    await FollowAsync(job, entry, options, observer, options.Timeout - clock.Elapsed, limit.Token).ConfigureAwait(false);

                    phase = "reading the new version";
                    observer.Progress(entry, "Reading the version the appliance runs now", 100);
                    FirmwareInfo running = await FirmwareApi.GetRunningAsync(session, limit.Token).ConfigureAwait(false);
                    result.ToVersion = running.Version;
                    if (entry.TargetVersion != null && FirmwareVersion.Compare(running.Version, entry.TargetVersion) != 0)
                    {
                        Fail(result, UpgradeStatus.Failed, $"The job finished, but {session.Server} runs {running.Version} instead of {entry.TargetVersion}.", null);
                    }
                    else
                    {
                        result.Status = UpgradeStatus.Succeeded;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    string more = result.JobId == null ? string.Empty : $" Its job {result.JobId} may still be running: Wait-EHJob -Id '{result.JobId}' -Session '{session.Server}'.";
                    Fail(result, UpgradeStatus.Cancelled, $"Cancelled while {phase} on {session.Server}.{more}", null);
                }
                catch (OperationCanceledException)
                {
                    Fail(result, UpgradeStatus.TimedOut, $"{session.Server} did not finish within {options.Timeout.TotalSeconds:0} seconds while {phase}.", null);
                }
                catch (JobWaitTimeoutException ex)
                {
                    Fail(result, UpgradeStatus.TimedOut, ex.Message, ex);
                }
                catch (JobFailedException ex)
                {
                    UpgradeStatus status = string.Equals(ex.Job.Status, "TIMEOUT", StringComparison.OrdinalIgnoreCase) ? UpgradeStatus.TimedOut : UpgradeStatus.Failed;
                    Fail(result, status, ex.Message, ex);
                }
                catch (Exception ex) when (ex is ExtraHopApiException || ex is ArgumentException)
                {
                    Fail(result, UpgradeStatus.Failed, $"{session.Server}: {ex.Message}", ex);
                }
            }
            result.Duration = clock.Elapsed;
            return result;
        }

        /// <summary>
        /// Starts the work on the appliance (uploading first when the image is local) and returns the job to follow.
        /// For a cloud version, <paramref name="singleJob"/> asks for download and upgrade in one job (for -NoWait);
        /// otherwise the download is its own job and the upgrade is started after it, as ExtraHop's own script does.
        /// </summary>
        public static async Task<ExtraHopJob> StartAsync(PlannedAppliance appliance, UpgradeRunOptions options, IUpgradeObserver observer, CancellationToken cancellationToken, bool singleJob = false)
        {
            ExtraHopSession session = appliance.Target.Session;
            UpgradeSource source = appliance.Target.Source;
            bool force = options.SkipCompatibilityCheck;
            switch (source.Kind)
            {
                case UpgradeSourceKind.Path:
                    observer.Progress(appliance.Entry, "Uploading " + source.Image!.FileName, 0);
                    await FirmwareApi.UploadAsync(session, source.Image, p => observer.Progress(appliance.Entry, "Uploading " + source.Image.FileName + ": " + p, p.Percent), cancellationToken).ConfigureAwait(false);
                    observer.Progress(appliance.Entry, "Starting the upgrade", -1);
                    return await FirmwareApi.StartUpgradeAsync(session, force, cancellationToken).ConfigureAwait(false);
                case UpgradeSourceKind.Uri:
                    observer.Progress(appliance.Entry, "Asking the appliance to download " + source.Uri!.GetLeftPart(UriPartial.Path), -1);
                    return await FirmwareApi.DownloadFromUrlAsync(session, source.Uri, upgrade: true, force, cancellationToken).ConfigureAwait(false);
                case UpgradeSourceKind.Version:
                    observer.Progress(appliance.Entry, "Asking the appliance to download " + source.Version + " from ExtraHop Cloud Services", -1);
                    return await FirmwareApi.DownloadVersionAsync(session, source.Version!, upgrade: singleJob, cancellationToken).ConfigureAwait(false);
                default:
                    observer.Progress(appliance.Entry, "Starting the upgrade to the uploaded image", -1);
                    return await FirmwareApi.StartUpgradeAsync(session, force, cancellationToken).ConfigureAwait(false);
            }
        }

        internal static async Task FollowAsync(ExtraHopJob job, UpgradePlanEntry entry, UpgradeRunOptions options, IUpgradeObserver observer, TimeSpan timeLeft, CancellationToken cancellationToken)
        {
            ExtraHopJob final = await JobWaiter.WaitAsync(job, timeLeft, options.PollInterval, update => observer.Progress(entry, Describe(update), PercentOf(update.Job)), cancellationToken).ConfigureAwait(false);
            if (!final.Succeeded) throw new JobFailedException(final);
        }

        internal static string Describe(JobWaitUpdate update)
        {
            string job = update.Job?.Progress ?? "waiting for the job";
            return update.UnavailableReason == null ? job : job + " - " + update.UnavailableReason;
        }

        internal static int PercentOf(ExtraHopJob? job) =>
            job?.StepNumber > 0 && job.TotalSteps > 0 ? Math.Min(99, (job.StepNumber.Value - 1) * 100 / job.TotalSteps.Value) : -1;

        private static FirmwareUpgradeResult NewResult(PlannedAppliance appliance) =>
            new FirmwareUpgradeResult
            {
                Server = appliance.Entry.Server,
                Role = appliance.Entry.Role,
                FromVersion = appliance.Entry.CurrentVersion,
                Stage = appliance.Entry.Stage,
                Cluster = appliance.Entry.Role == ApplianceRole.Recordstore ? appliance.Entry.Cluster : null,
            }.From(appliance.Target.Session);

        internal static void Fail(FirmwareUpgradeResult result, UpgradeStatus status, string error, Exception? cause)
        {
            result.Status = status;
            result.Error = error;
            result.Failure = cause;
        }
    }
}
