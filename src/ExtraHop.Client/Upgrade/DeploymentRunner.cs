using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    /// <summary>What a run produced: every appliance's result, and any cluster whose ingest the user must re-enable.</summary>
    internal sealed class DeploymentOutcome
    {
        public DeploymentOutcome(List<FirmwareUpgradeResult> results, List<IngestRestoreFailure> ingestFailures)
        {
            Results = results;
            IngestFailures = ingestFailures;
        }

        public List<FirmwareUpgradeResult> Results { get; }
        public List<IngestRestoreFailure> IngestFailures { get; }
    }

    /// <summary>
    /// Carries out a valid plan one stage at a time, the appliances of a stage in parallel (throttled). Appliances
    /// already at the target version are left alone (Skipped, "already at ...") and count as done. A stage that
    /// does not fully succeed stops the later stages (Skipped, with the reason), because running them would break
    /// the version order. Recordstore ingest is halted before the first recordstore stage that upgrades something
    /// and restored after the last one — in a finally, so also after failures, timeouts and Ctrl+C.
    /// </summary>
    internal static class DeploymentRunner
    {
        public static async Task<DeploymentOutcome> RunAsync(DeploymentPlan plan, UpgradeRunOptions options, IUpgradeObserver observer, CancellationToken cancellationToken)
        {
            if (!plan.Plan.IsValid) throw new InvalidOperationException("A plan that breaks a rule is never run.");

            var results = new List<FirmwareUpgradeResult>();
            var heldRecordstoreResults = new List<FirmwareUpgradeResult>();
            var ingest = new IngestGuard(plan.Clusters, observer, options.IngestRestoreTimeout);
            var ingestFailures = new List<IngestRestoreFailure>();
            List<IGrouping<DeploymentStage, PlannedAppliance>> stages = plan.Appliances.Where(a => a.Stage.HasValue).GroupBy(a => a.Stage!.Value).OrderBy(g => g.Key).ToList();
            DeploymentStage? lastRecordstoreStage = stages.Select(g => (DeploymentStage?)g.Key).LastOrDefault(s => DeploymentStages.IsRecordstore(s!.Value));
            string? stopReason = null;
            bool ingestHalted = false;

            void Report(FirmwareUpgradeResult result)
            {
                lock (results) results.Add(result);
                // A recordstore's result is complete only once its cluster's ingest is settled.
                if (result.Role == ApplianceRole.Recordstore) lock (heldRecordstoreResults) heldRecordstoreResults.Add(result);
                else observer.Finished(result);
            }

            async Task SettleIngestAsync()
            {
                if (ingestHalted) ingestFailures.AddRange(await ingest.RestoreAsync().ConfigureAwait(false));
                foreach (FirmwareUpgradeResult held in heldRecordstoreResults)
                {
                    held.IngestAction = ingest.ActionFor(held.Cluster);
                    held.IngestRestored = !ingestFailures.Any(f => string.Equals(f.ClusterId, held.Cluster, StringComparison.OrdinalIgnoreCase));
                    observer.Finished(held);
                }
                heldRecordstoreResults.Clear();
            }

            // A valid plan leaves only unreachable appliances without a stage (in a single-stage fleet): they failed already.
            foreach (PlannedAppliance unreachable in plan.Appliances.Where(a => !a.Stage.HasValue))
            {
                FirmwareUpgradeResult failed = NotRun(unreachable, cancelled: false, unreachable.ReadError);
                failed.Status = UpgradeStatus.Failed;
                failed.Error = unreachable.ReadError;
                Report(failed);
            }

            try
            {
                foreach (IGrouping<DeploymentStage, PlannedAppliance> stage in stages)
                {
                    if (cancellationToken.IsCancellationRequested || stopReason != null)
                    {
                        foreach (PlannedAppliance appliance in stage)
                        {
                            Report(appliance.AlreadyAtTarget ? AlreadyAtTarget(appliance) : NotRun(appliance, cancellationToken.IsCancellationRequested, stopReason));
                        }
                    }
                    else
                    {
                        stopReason = await RunStageAsync(stage.Key, stage.ToList(), options, observer, ingest, () => ingestHalted = true, Report, cancellationToken).ConfigureAwait(false);
                    }

                    if (stage.Key == lastRecordstoreStage) await SettleIngestAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                // Also reached when something unexpected was thrown: ingest is restored whatever happened.
                await SettleIngestAsync().ConfigureAwait(false);
            }
            return new DeploymentOutcome(results, ingestFailures);
        }

        /// <summary>Runs one stage; returns why later stages must not run, or null when every appliance succeeded.</summary>
        private static async Task<string?> RunStageAsync(
            DeploymentStage stage,
            List<PlannedAppliance> appliances,
            UpgradeRunOptions options,
            IUpgradeObserver observer,
            IngestGuard ingest,
            Action markHalted,
            Action<FirmwareUpgradeResult> report,
            CancellationToken cancellationToken)
        {
            string stageName = DeploymentStages.Name(stage);
            observer.Note($"Stage {stageName}: {string.Join(", ", appliances.Select(a => a.Entry.Server))}.");
            foreach (PlannedAppliance current in appliances.Where(a => a.AlreadyAtTarget)) report(AlreadyAtTarget(current));
            appliances = appliances.Where(a => !a.AlreadyAtTarget).ToList();
            if (appliances.Count == 0) return null;

            if (DeploymentStages.IsRecordstore(stage) && !ingest.Restored)
            {
                try
                {
                    markHalted();
                    await ingest.HaltAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ExtraHopApiException || ex is ClusterIngestUnsupportedException || ex is OperationCanceledException)
                {
                    bool cancelled = cancellationToken.IsCancellationRequested;
                    string reason = $"record ingest could not be halted ({ex.Message}), so no recordstore was upgraded";
                    foreach (PlannedAppliance appliance in appliances) report(NotRun(appliance, cancelled, reason));
                    return cancelled ? "cancelled" : reason;
                }
            }

            List<FirmwareUpgradeResult> results = await FleetRunner.RunAsync(
                appliances,
                options.ThrottleLimit,
                (appliance, token) => ApplianceUpgrader.UpgradeAsync(appliance, options, observer, token),
                appliance => NotRun(appliance, cancelled: true, null),
                report,
                cancellationToken).ConfigureAwait(false);

            List<string> unfinished = results.Where(r => r.Status != UpgradeStatus.Succeeded).Select(r => $"{r.Server} {r.Status}").ToList();
            return unfinished.Count == 0 ? null : $"stage {stageName} did not fully succeed ({string.Join(", ", unfinished)}); upgrading later stages would break the deployment's version order";
        }

        private static FirmwareUpgradeResult AlreadyAtTarget(PlannedAppliance appliance)
        {
            FirmwareUpgradeResult result = NotRun(appliance, cancelled: false, PlanSteps.AlreadyAtTargetReason(appliance));
            result.ToVersion = appliance.Entry.CurrentVersion;
            result.AlreadyAtTarget = true;
            return result;
        }

        private static FirmwareUpgradeResult NotRun(PlannedAppliance appliance, bool cancelled, string? reason) =>
            new FirmwareUpgradeResult
            {
                Server = appliance.Entry.Server,
                Role = appliance.Entry.Role,
                FromVersion = appliance.Entry.CurrentVersion,
                Stage = appliance.Entry.Stage,
                Cluster = appliance.Entry.Role == ApplianceRole.Recordstore ? appliance.Entry.Cluster : null,
                Status = cancelled ? UpgradeStatus.Cancelled : UpgradeStatus.Skipped,
                Error = cancelled ? $"Not started on {appliance.Entry.Server}: cancelled (Ctrl+C) before its turn." : $"Not started on {appliance.Entry.Server}: {reason}.",
            }.From(appliance.Target.Session);
    }
}
