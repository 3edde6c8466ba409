using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    /// <summary>
    /// Reads every appliance (version, role, and for recordstores their cluster's ingest and node kind) before
    /// anything changes, then orders them into the documented stages and checks the rules. Ingest is read for all
    /// clusters up front because the nodes of a cluster share one setting: read after a sibling was halted, it
    /// would wrongly say "off".
    /// </summary>
    internal static class DeploymentPlanner
    {
        private const int ParallelReads = 8;

        public static async Task<DeploymentPlan> PlanAsync(IEnumerable<UpgradeTarget> targets, PlanOptions options, CancellationToken cancellationToken)
        {
            List<UpgradeTarget> unique = targets
                .GroupBy(t => t.Session.Server, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .ToList();

            List<PlannedAppliance> read = await FleetRunner.RunAsync(
                unique,
                ParallelReads,
                (target, token) => ReadAsync(target, options, token),
                target => new PlannedAppliance(target, new UpgradePlanEntry { Server = target.Session.Server }) { ReadError = "cancelled" },
                null,
                cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();

            // Keep the user's order within a stage, whatever order the reads finished in.
            List<PlannedAppliance> appliances = unique.Select(t => read.Single(p => ReferenceEquals(p.Target, t))).ToList();
            foreach (PlannedAppliance appliance in appliances)
            {
                appliance.Stage = DeploymentStages.Of(appliance.Entry.Role, appliance.Entry.NodeKind);
                appliance.Entry.Stage = appliance.Stage.HasValue ? DeploymentStages.Name(appliance.Stage.Value) : null;
                // Installing the version an appliance already runs costs an upload and a reboot for nothing.
                appliance.AlreadyAtTarget = !options.Reinstall && appliance.ReadError == null
                    && FirmwareVersion.Compare(appliance.Entry.TargetVersion, appliance.Entry.CurrentVersion) == 0;
            }

            List<PlannedCluster> clusters = GroupClusters(appliances);
            var plan = new UpgradePlan
            {
                Appliances = appliances.Select(a => a.Entry).ToArray(),
                TargetVersion = DescribeTargetVersion(appliances),
                Stages = BuildStages(appliances),
                Rules = PlanRules.Check(appliances, options).ToArray(),
                Steps = PlanSteps.Build(appliances, clusters).ToArray(),
            };
            return new DeploymentPlan(plan, appliances, clusters);
        }

        private static async Task<PlannedAppliance> ReadAsync(UpgradeTarget target, PlanOptions options, CancellationToken cancellationToken)
        {
            ExtraHopSession session = target.Session;
            var planned = new PlannedAppliance(target, new UpgradePlanEntry { Server = session.Server, TargetVersion = target.Source.TargetVersion }.From(session));
            UpgradePlanEntry entry = planned.Entry;
            try
            {
                ExtraHopSystem system = await SystemApi.ReadIdentityAsync(session.Connection, cancellationToken).ConfigureAwait(false);
                session.Version = system.Version;
                entry.CurrentVersion = system.Version;
                entry.Platform = system.Platform;
                entry.Role = system.Role;
                if (entry.Role == ApplianceRole.Console) await ReadConnectedAsync(planned, cancellationToken).ConfigureAwait(false);
                if (entry.Role != ApplianceRole.Recordstore) return planned;

                try
                {
                    ClusterIngestState cluster = await ClusterApi.GetAsync(session, cancellationToken).ConfigureAwait(false);
                    entry.Cluster = cluster.ClusterId;
                    entry.IngestEnabled = cluster.IngestEnabled;
                    entry.NodeKind = cluster.NodeKind;
                }
                catch (ClusterIngestUnsupportedException ex) when (ex.CanBeChanged)
                {
                    // Firmware that serves only the guide's surface: follow the guide (halt before, enable after). Which
                    // cluster the node belongs to is not known either, so it counts as a cluster of its own.
                    planned.IngestOnlyChangeable = true;
                    entry.Cluster = session.Server;
                }
                catch (ClusterIngestUnsupportedException ex)
                {
                    planned.IngestError = ex.Message;
                    entry.Cluster = session.Server;
                }

                // The appliance's own word wins; -ManagerNode fills in only what it does not say.
                if (entry.NodeKind == RecordstoreNodeKind.Unknown && options.ManagerNodes.Count > 0)
                {
                    entry.NodeKind = options.IsNamedManager(session) ? RecordstoreNodeKind.Manager : RecordstoreNodeKind.Data;
                }
            }
            catch (ExtraHopApiException ex)
            {
                planned.ReadError = ex.Message;
            }
            return planned;
        }

        /// <summary>
        /// A console's firmware must stay at least as new as every appliance connected to it, not only those in the
        /// plan: the connected appliances are read so the rules can check the ones the plan leaves out.
        /// </summary>
        private static async Task ReadConnectedAsync(PlannedAppliance console, CancellationToken cancellationToken)
        {
            try
            {
                console.Connected = await ApplianceApi.GetConnectedAsync(console.Target.Session, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex)
            {
                console.ConnectedReadError = $"{console.Entry.Server}'s connected appliances could not be read ({ex.Message})";
            }
        }

        private static List<PlannedCluster> GroupClusters(IEnumerable<PlannedAppliance> appliances)
        {
            var clusters = new List<PlannedCluster>();
            foreach (PlannedAppliance node in appliances.Where(a => a.Entry.Role == ApplianceRole.Recordstore && (a.Entry.IngestEnabled.HasValue || a.IngestOnlyChangeable)))
            {
                PlannedCluster? cluster = clusters.FirstOrDefault(c => string.Equals(c.Id, node.Entry.Cluster, StringComparison.OrdinalIgnoreCase));
                if (cluster == null)
                {
                    cluster = new PlannedCluster(node.Entry.Cluster!, node.Entry.IngestEnabled);
                    clusters.Add(cluster);
                }
                cluster.Nodes.Add(node);
            }
            return clusters;
        }

        private static UpgradeStage[] BuildStages(IEnumerable<PlannedAppliance> appliances) =>
            appliances.Where(a => a.Stage.HasValue)
                .GroupBy(a => a.Stage!.Value)
                .OrderBy(g => g.Key)
                .Select((g, index) => new UpgradeStage
                {
                    Order = index + 1,
                    Name = DeploymentStages.Name(g.Key),
                    Appliances = g.Select(a => a.Entry.Server).ToArray(),
                })
                .ToArray();

        private static string? DescribeTargetVersion(IEnumerable<PlannedAppliance> appliances)
        {
            List<string> versions = appliances.Select(a => a.Entry.TargetVersion).Where(v => v != null).Select(v => v!).Distinct().ToList();
            return versions.Count == 0 ? null : string.Join(", ", versions);
        }
    }
}
