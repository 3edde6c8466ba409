using System;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    /// <summary>
    /// Rolls an appliance back to its previous image and follows the job through the reboot, like an upgrade:
    /// the rollback request, the wait and the version read back all count against the one time limit.
    /// </summary>
    internal static class ApplianceRollback
    {
        /// <param name="follow">False for -NoWait: the run ends once the appliance has named the rollback's job.</param>
        /// <param name="started">Told the job as soon as the appliance names it.</param>
        public static Task<FirmwareUpgradeResult> RunAsync(
            ExtraHopSession session,
            FirmwareInfo previous,
            bool follow,
            Action<ExtraHopJob> started,
            UpgradeRunOptions options,
            IUpgradeObserver observer,
            CancellationToken cancellationToken)
        {
            var entry = new UpgradePlanEntry { Server = session.Server, Role = session.Role, CurrentVersion = session.Version, TargetVersion = previous.Version }.From(session);
            var result = new FirmwareUpgradeResult
            {
                Server = session.Server,
                Role = session.Role,
                FromVersion = session.Version,
                Stage = "Rollback",
            }.From(session);
            return ApplianceRun.CaptureAsync(session, result, options.Timeout, cancellationToken, async run =>
            {
                run.Phase = "starting the rollback";
                ExtraHopJob job = await FirmwareApi.RollbackAsync(session, run.Token).ConfigureAwait(false);
                run.Result.JobId = job.Id;
                started(job);
                if (!follow) return;

                run.Phase = "waiting for the rollback job";
                await ApplianceUpgrader.FollowAsync(job, entry, options, observer, run.TimeLeft, run.Token).ConfigureAwait(false);
                await run.VerifyVersionAsync(previous.Version, "rollback job").ConfigureAwait(false);
            });
        }
    }
}
