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
            DeploymentStage? firstRecordstoreStage = stages.Select(g => (DeploymentStage?)g.Key).FirstOrDefault(s => DeploymentStages.IsRecordstore(s!.Value));
            DeploymentStage? lastRecordstoreStage = stages.Select(g => (DeploymentStage?)g.Key).LastOrDefault(s => DeploymentStages.IsRecordstore(s!.Value));

            foreach (IGrouping<DeploymentStage, PlannedAppliance> stage in stages)
            {
                string stageName = DeploymentStages.Name(stage.Key);
                if (stage.Key == firstRecordstoreStage)
                {
                    foreach (PlannedCluster cluster in clusters)
                    {
                        Add(steps, stageName, cluster.IngestWasEnabled ? "HaltIngest" : "KeepIngestOff", cluster.Id,
                            cluster.IngestWasEnabled
                                ? $"Halt record ingest on recordstore cluster {cluster.Id} (through {cluster.Nodes[0].Entry.Server})"
                                : $"Record ingest on recordstore cluster {cluster.Id} is already off: leave it off");
                    }
                }

                foreach (PlannedAppliance appliance in stage)
                {
                    Add(steps, stageName, "Upgrade", appliance.Entry.Server,
                        $"Upgrade {appliance.Entry.Server} ({appliance.Entry.Role}) from {appliance.Entry.CurrentVersion} to {appliance.Entry.TargetVersion ?? "the image's version"} by {appliance.Target.Source.Describe()}");
                }

                if (stage.Key == lastRecordstoreStage)
                {
                    foreach (PlannedCluster cluster in clusters.Where(c => c.IngestWasEnabled))
                    {
                        Add(steps, stageName, "ResumeIngest", cluster.Id, $"Re-enable record ingest on recordstore cluster {cluster.Id} (also if an upgrade fails or is cancelled)");
                    }
                }
            }
            return steps;
        }

        private static void Add(List<Models.UpgradeStep> steps, string stage, string action, string target, string description) =>
            steps.Add(new Models.UpgradeStep { Order = steps.Count + 1, Stage = stage, Action = action, Target = target, Description = description });
    }
}
