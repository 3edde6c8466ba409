using System;
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
        public static Task<FirmwareUpgradeResult> UpgradeAsync(PlannedAppliance appliance, UpgradeRunOptions options, IUpgradeObserver observer, CancellationToken cancellationToken)
        {
            UpgradePlanEntry entry = appliance.Entry;
            return ApplianceRun.CaptureAsync(appliance.Target.Session, NewResult(appliance), options.Timeout, cancellationToken, async run =>
            {
                run.Phase = StartPhase(appliance);
                ExtraHopJob job = await StartAsync(appliance, options, observer, run.Token).ConfigureAwait(false);
                run.Result.JobId = job.Id;
                if (appliance.Target.Source.Kind == UpgradeSourceKind.Version)
                {
                    run.Phase = "downloading the image from ExtraHop Cloud Services";
                    await FollowAsync(job, entry, options, observer, run.TimeLeft, run.Token).ConfigureAwait(false);
                    run.Phase = "starting the upgrade";
                    job = await FirmwareApi.StartUpgradeAsync(run.Session, options.SkipCompatibilityCheck, run.Token).ConfigureAwait(false);
                    run.Result.JobId = job.Id;
                }

                run.Phase = "waiting for the upgrade job";
                await FollowAsync(job, entry, options, observer, run.TimeLeft, run.Token).ConfigureAwait(false);
                observer.Progress(entry, "Reading the version the appliance runs now", 100);
                await run.VerifyVersionAsync(entry.TargetVersion, "job").ConfigureAwait(false);
            });
        }

        /// <summary>
        /// -NoWait: starts the upgrade (download and upgrade as one job for a cloud version) within the time limit and
        /// hands its job to <paramref name="started"/>; when it cannot start, the result says why.
        /// </summary>
        public static Task<FirmwareUpgradeResult> StartOnlyAsync(PlannedAppliance appliance, UpgradeRunOptions options, IUpgradeObserver observer, Action<ExtraHopJob> started, CancellationToken cancellationToken) =>
            ApplianceRun.CaptureAsync(appliance.Target.Session, NewResult(appliance), options.Timeout, cancellationToken, async run =>
            {
                run.Phase = StartPhase(appliance);
                ExtraHopJob job = await StartAsync(appliance, options, observer, run.Token, singleJob: true).ConfigureAwait(false);
                run.Result.JobId = job.Id;
                started(job);
            });

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
            ExtraHopJob final = await JobWaiter.WaitAsync(
                job,
                timeLeft,
                options.PollInterval,
                update => observer.Progress(entry, Describe(update), PercentOf(update.Job)),
                cancellationToken,
                new NewCertificatePolicy(options.AcceptNewCertificate, observer.Warn)).ConfigureAwait(false);
            if (!final.Succeeded) throw new JobFailedException(final);
        }

        internal static string Describe(JobWaitUpdate update)
        {
            string job = update.Job?.Progress ?? "waiting for the job";
            return update.UnavailableReason == null ? job : job + " - " + update.UnavailableReason;
        }

        internal static int PercentOf(ExtraHopJob? job) =>
            job?.StepNumber > 0 && job.TotalSteps > 0 ? Math.Min(99, (job.StepNumber.Value - 1) * 100 / job.TotalSteps.Value) : -1;

        private static string StartPhase(PlannedAppliance appliance) =>
            appliance.Target.Source.Kind == UpgradeSourceKind.Path ? "uploading the image and starting the upgrade" : "starting the upgrade";

        private static FirmwareUpgradeResult NewResult(PlannedAppliance appliance) =>
            new FirmwareUpgradeResult
            {
                Server = appliance.Entry.Server,
                Role = appliance.Entry.Role,
                FromVersion = appliance.Entry.CurrentVersion,
                Stage = appliance.Entry.Stage,
                Cluster = appliance.Entry.Role == ApplianceRole.Recordstore ? appliance.Entry.Cluster : null,
            }.From(appliance.Target.Session);
    }
}
