using System;

namespace ExtraHop.Models
{
    /// <summary>How one appliance's upgrade ended.</summary>
    public enum UpgradeStatus
    {
        Succeeded,
        Failed,
        /// <summary>The job did not finish in time (the appliance's TIMEOUT, or -TimeoutSec); it may still be running.</summary>
        TimedOut,
        /// <summary>Ctrl+C (or a stopped pipeline) ended it before it finished.</summary>
        Cancelled,
        /// <summary>Not started: it already runs the target version, or an earlier stage failed (Error says which).</summary>
        Skipped,
    }

    /// <summary>One appliance's firmware upgrade, as Invoke-EHFirmwareUpgrade and Undo-EHFirmwareUpgrade report it.</summary>
    public sealed class FirmwareUpgradeResult : ExtraHopObject
    {
        /// <summary>The appliance (also when there is no live session, for Server/ApiKey rows that failed to connect).</summary>
        public new string Server { get; internal set; } = string.Empty;
        public ApplianceRole Role { get; internal set; }
        public string? FromVersion { get; internal set; }
        /// <summary>The version the appliance reports after its reboot (read back, not assumed).</summary>
        public string? ToVersion { get; internal set; }
        public UpgradeStatus Status { get; internal set; }
        public string? JobId { get; internal set; }
        public TimeSpan Duration { get; internal set; }
        public string? Error { get; internal set; }
        /// <summary>The stage of the deployment order this appliance belonged to.</summary>
        public string? Stage { get; internal set; }
        /// <summary>Recordstores: the cluster, and what was done to its record ingest.</summary>
        public string? Cluster { get; internal set; }
        public string? IngestAction { get; internal set; }
        /// <summary>
        /// Recordstores: false when the command halted its cluster's record ingest and could not turn it back on
        /// (records are being dropped until someone does); true when ingest is as it was before the command.
        /// </summary>
        public bool? IngestRestored { get; internal set; }

        /// <summary>The failure behind <see cref="Error"/>, for the error record the cmdlet writes.</summary>
        internal Exception? Failure { get; set; }

        /// <summary>Skipped because it already runs the target version: nothing to do, so no error record either.</summary>
        internal bool AlreadyAtTarget { get; set; }

        public override string ToString() => $"{Server}: {Status} {FromVersion} -> {ToVersion}";
    }

    /// <summary>One appliance as the plan sees it.</summary>
    public sealed class UpgradePlanEntry : ExtraHopObject
    {
        public new string Server { get; internal set; } = string.Empty;
        public ApplianceRole Role { get; internal set; }
        public string? Platform { get; internal set; }
        public RecordstoreNodeKind NodeKind { get; internal set; }
        public string? Cluster { get; internal set; }
        public bool? IngestEnabled { get; internal set; }
        public string? CurrentVersion { get; internal set; }
        public string? TargetVersion { get; internal set; }
        public string? Stage { get; internal set; }

        public override string ToString() => $"{Server} ({Role}) {CurrentVersion} -> {TargetVersion ?? "?"}";
    }

    /// <summary>A group of appliances upgraded together (in parallel), after every earlier stage succeeded.</summary>
    public sealed class UpgradeStage
    {
        public int Order { get; internal set; }
        public string Name { get; internal set; } = string.Empty;
        public string[] Appliances { get; internal set; } = Array.Empty<string>();

        public override string ToString() => $"{Order}. {Name}: {string.Join(", ", Appliances)}";
    }

    /// <summary>One thing the upgrade will do, in order.</summary>
    public sealed class UpgradeStep
    {
        public int Order { get; internal set; }
        public string Stage { get; internal set; } = string.Empty;
        public string Action { get; internal set; } = string.Empty;
        public string Target { get; internal set; } = string.Empty;
        public string Description { get; internal set; } = string.Empty;

        public override string ToString() => $"{Order}. {Description}";
    }

    /// <summary>A rule the plan was checked against, and whether it holds.</summary>
    public sealed class UpgradeRuleCheck
    {
        public string Rule { get; internal set; } = string.Empty;
        public bool Passed { get; internal set; }
        public string Detail { get; internal set; } = string.Empty;

        public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {Rule}: {Detail}";
    }

    /// <summary>The ordered upgrade of a set of appliances: stages, steps and the rules checked before anything changes.</summary>
    public sealed class UpgradePlan
    {
        /// <summary>The version every appliance goes to, or a comma-separated list when rows differ.</summary>
        public string? TargetVersion { get; internal set; }
        public UpgradePlanEntry[] Appliances { get; internal set; } = Array.Empty<UpgradePlanEntry>();
        public UpgradeStage[] Stages { get; internal set; } = Array.Empty<UpgradeStage>();
        public UpgradeStep[] Steps { get; internal set; } = Array.Empty<UpgradeStep>();
        public UpgradeRuleCheck[] Rules { get; internal set; } = Array.Empty<UpgradeRuleCheck>();
        public bool IsValid => Array.TrueForAll(Rules, r => r.Passed);

        public override string ToString() => $"{Appliances.Length} appliances in {Stages.Length} stages to {TargetVersion ?? "?"}{(IsValid ? string.Empty : " (refused: a rule fails)")}";
    }
}
