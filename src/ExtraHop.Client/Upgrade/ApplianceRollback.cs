using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    /// <summary>Rolls an appliance back to its previous image and follows the job through the reboot, like an upgrade.</summary>
    internal static class ApplianceRollback
    {
        public static async Task<FirmwareUpgradeResult> RunAsync(ExtraHopSession session, FirmwareInfo previous, ExtraHopJob job, UpgradeRunOptions options, IUpgradeObserver observer, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var entry = new UpgradePlanEntry { Server = session.Server, Role = session.Role, CurrentVersion = session.Version, TargetVersion = previous.Version }.From(session);
            var result = new FirmwareUpgradeResult
            {
                Server = session.Server,
                Role = session.Role,
                FromVersion = session.Version,
                JobId = job.Id,
                Stage = "Rollback",
            }.From(session);
            try
            {
                await ApplianceUpgrader.FollowAsync(job, entry, options, observer, options.Timeout, cancellationToken).ConfigureAwait(false);
                FirmwareInfo running = await FirmwareApi.GetRunningAsync(session, cancellationToken).ConfigureAwait(false);
                result.ToVersion = running.Version;
                if (FirmwareVersion.Compare(running.Version, previous.Version) == 0) result.Status = UpgradeStatus.Succeeded;
                else ApplianceUpgrader.Fail(result, UpgradeStatus.Failed, $"The rollback job finished, but {session.Server} runs {running.Version} instead of {previous.Version}.", null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                ApplianceUpgrader.Fail(result, UpgradeStatus.Cancelled, $"Stopped waiting for the rollback of {session.Server}; its job may still be running: Wait-EHJob -Id '{job.Id}' -Session '{session.Server}'.", null);
            }
            catch (JobWaitTimeoutException ex)
            {
                ApplianceUpgrader.Fail(result, UpgradeStatus.TimedOut, ex.Message, ex);
            }
            catch (JobFailedException ex)
            {
                ApplianceUpgrader.Fail(result, UpgradeStatus.Failed, ex.Message, ex);
            }
            catch (ExtraHopApiException ex)
            {
                ApplianceUpgrader.Fail(result, UpgradeStatus.Failed, ex.Message, ex);
            }
            result.Duration = clock.Elapsed;
            return result;
        }
    }
}
