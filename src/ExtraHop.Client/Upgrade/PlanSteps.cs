using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.Upgrade
{
    /// <summary>The plan as an ordered list of actions: what -WhatIf prints and Get-EHUpgradePlan shows.</summary>
    internal static class PlanSteps
    {
        public static IEnumerable<Models.UpgradeStep> Build(IReadOnlyList<PlannedAppliance> appliances, IReadOnlyList<PlannedCluster> clusters)
        {
            var steps = new List<Models.UpgradeStep>();
            List<IGrouping<DeploymentStage, PlannedAppliance>> stages = appliances.Where(a => a.Stage.HasValue).GroupBy(a => a.Stage!.Value).OrderBy(g => g.Key).ToList();
            // Ingest is touched around the recordstore stages that upgrade something, not around ones whose nodes are all at the target.
            List<DeploymentStage> ingestStages = stages.Where(g => DeploymentStages.IsRecordstore(g.Key) && g.Any(a => !a.AlreadyAtTarget)).Select(g => g.Key).ToList();

            foreach (IGrouping<DeploymentStage, PlannedAppliance> stage in stages)
            {
                string stageName = DeploymentStages.Name(stage.Key);
                if (ingestStages.Count > 0 && stage.Key == ingestStages[0])
                {
                    foreach (PlannedCluster cluster in clusters.Where(c => c.NeedsHalt || c.IngestWasEnabled == false))
                    {
                        Add(steps, stageName, cluster.NeedsHalt ? "HaltIngest" : "KeepIngestOff", cluster.Id, DescribeBefore(cluster));
                    }
                }

                foreach (PlannedAppliance appliance in stage)
                {
                    if (appliance.AlreadyAtTarget) Add(steps, stageName, "Skip", appliance.Entry.Server, $"Leave {Name(appliance)} as it is: {AlreadyAtTargetReason(appliance)}");
                    else Add(steps, stageName, "Upgrade", appliance.Entry.Server, $"Upgrade {Name(appliance)} from {appliance.Entry.CurrentVersion} to {appliance.Entry.TargetVersion ?? "the image's version"} by {appliance.Target.Source.Describe()}");
                }

                if (ingestStages.Count > 0 && stage.Key == ingestStages[ingestStages.Count - 1])
                {
                    foreach (PlannedCluster cluster in clusters.Where(c => c.NeedsHalt))
                    {
                        Add(steps, stageName, "ResumeIngest", cluster.Id, $"Re-enable record ingest on recordstore cluster {cluster.Id} (also if an upgrade fails or is cancelled)");
                    }
                }
            }
            return steps;
        }

        private static string DescribeBefore(PlannedCluster cluster)
        {
            if (cluster.IngestWasEnabled == false) return $"Record ingest on recordstore cluster {cluster.Id} is already off: leave it off";
            string through = $"Halt record ingest on recordstore cluster {cluster.Id} (through {cluster.Nodes[0].Entry.Server})";
            return cluster.IngestWasEnabled == true ? through : through + "; its current state cannot be read, so the REST API guide's procedure is followed: halt now, enable after";
        }

        private static void Add(List<Models.UpgradeStep> steps, string stage, string action, string target, string description) =>
            steps.Add(new Models.UpgradeStep { Order = steps.Count + 1, Stage = stage, Action = action, Target = target, Description = description });

        /// <summary>Why an appliance is left alone; also the Error of its Skipped result.</summary>
        public static string AlreadyAtTargetReason(PlannedAppliance appliance) =>
            $"already at {appliance.Entry.CurrentVersion} (-Reinstall installs it again)";

        private static string Name(PlannedAppliance appliance) => $"{appliance.Entry.Server} ({appliance.Entry.Role})";
    }
}
