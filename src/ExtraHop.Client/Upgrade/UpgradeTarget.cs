using System;
using System.Collections.Generic;
using System.Linq;
using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    /// <summary>One appliance to upgrade, and from what.</summary>
    internal sealed class UpgradeTarget
    {
        public UpgradeTarget(ExtraHopSession session, UpgradeSource source)
        {
            Session = session;
            Source = source;
        }

        public ExtraHopSession Session { get; }
        public UpgradeSource Source { get; }
    }

    /// <summary>What the user said about the deployment that the appliances may not say themselves.</summary>
    internal sealed class PlanOptions
    {
        public bool SkipCompatibilityCheck { get; set; }

        /// <summary>-Reinstall: upgrade appliances that already run the target version too, instead of leaving them alone.</summary>
        public bool Reinstall { get; set; }

        /// <summary>Recordstores the user names as manager nodes (-ManagerNode), by server or host name.</summary>
        public ISet<string> ManagerNodes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Appliances that could not even be connected (Server/ApiKey rows), for the Reachable rule.</summary>
        public ISet<string> Unreachable { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public bool IsNamedManager(ExtraHopSession session) => ManagerNodes.Any(name => Names(name, session));

        /// <summary>Whether a name the user gave is this appliance: its server name, the host of its address, or the host name it reports.</summary>
        public static bool Names(string name, ExtraHopSession session) =>
            string.Equals(name, session.Server, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, session.BaseUri.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, session.Hostname, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An appliance as planned: its target, what was read from it, and its stage.</summary>
    internal sealed class PlannedAppliance
    {
        public PlannedAppliance(UpgradeTarget target, UpgradePlanEntry entry)
        {
            Target = target;
            Entry = entry;
        }

        public UpgradeTarget Target { get; }
        public UpgradePlanEntry Entry { get; }
        public DeploymentStage? Stage { get; set; }
        /// <summary>Why the appliance could not be read, when it could not.</summary>
        public string? ReadError { get; set; }
        /// <summary>Why its recordstore ingest could not be read, when it could not.</summary>
        public string? IngestError { get; set; }

        /// <summary>A recordstore that does not let its ingest be read, but takes the guide's documented PATCH to change it.</summary>
        public bool IngestOnlyChangeable { get; set; }

        /// <summary>It already runs the target version and -Reinstall was not given: it is left alone (Skipped).</summary>
        public bool AlreadyAtTarget { get; set; }

        /// <summary>A console's connected appliances (GET /appliances), read while planning; null for other roles.</summary>
        public List<ExtraHopAppliance>? Connected { get; set; }

        /// <summary>Why a console's connected appliances could not be read, when they could not.</summary>
        public string? ConnectedReadError { get; set; }
    }

    /// <summary>A recordstore cluster in the plan: its nodes and whether ingest was on before anything changed.</summary>
    internal sealed class PlannedCluster
    {
        public PlannedCluster(string id, bool? ingestWasEnabled)
        {
            Id = id;
            IngestWasEnabled = ingestWasEnabled;
        }

        public string Id { get; }

        /// <summary>Null when the appliance does not let it be read (it takes only the REST API guide's documented change).</summary>
        public bool? IngestWasEnabled { get; }

        public List<PlannedAppliance> Nodes { get; } = new List<PlannedAppliance>();

        /// <summary>
        /// Ingest is halted before its nodes are upgraded and enabled after: when it was on, or, following the guide,
        /// when its state is unknown. Only when a node is upgraded at all; one that was off stays off.
        /// </summary>
        public bool NeedsHalt => IngestWasEnabled != false && Nodes.Any(n => !n.AlreadyAtTarget);
    }

    /// <summary>The plan users see, plus what the runner needs to carry it out.</summary>
    internal sealed class DeploymentPlan
    {
        public DeploymentPlan(UpgradePlan plan, IReadOnlyList<PlannedAppliance> appliances, IReadOnlyList<PlannedCluster> clusters)
        {
            Plan = plan;
            Appliances = appliances;
            Clusters = clusters;
        }

        public UpgradePlan Plan { get; }
        public IReadOnlyList<PlannedAppliance> Appliances { get; }
        public IReadOnlyList<PlannedCluster> Clusters { get; }
    }
}
