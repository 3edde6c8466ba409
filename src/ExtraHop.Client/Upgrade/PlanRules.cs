using System.Collections.Generic;
using System.Linq;
using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    /// <summary>
    /// The rules a plan must keep, all checked before anything changes, each reported whether it passes or not so
    /// the user sees what was checked. -SkipCompatibilityCheck relaxes only the no-downgrade rule (it is what the
    /// appliance's own force flag means); the order rules are never overridden.
    /// </summary>
    internal static class PlanRules
    {
        public static IEnumerable<UpgradeRuleCheck> Check(IReadOnlyList<PlannedAppliance> appliances, PlanOptions options)
        {
            yield return Reachability(appliances, options);

            yield return Rule("RoleKnown",
                appliances.Where(a => a.ReadError == null && a.Entry.Role == ApplianceRole.Unknown)
                    .Select(a => $"{a.Entry.Server} reports platform '{a.Entry.Platform}', which is not a console, sensor, recordstore or packetstore, so it has no place in the upgrade order"),
                "every appliance's role is known");

            List<PlannedAppliance> recordstores = appliances.Where(a => a.Entry.Role == ApplianceRole.Recordstore).ToList();
            yield return Rule("RecordstoreNodeKindKnown",
                recordstores.Where(a => a.Entry.NodeKind == RecordstoreNodeKind.Unknown)
                    .Select(a => $"{a.Entry.Server} does not say whether it is a manager or a data node; name the manager nodes with -ManagerNode"),
                recordstores.Count == 0 ? "no recordstores in the plan" : "every recordstore is a manager or a data node");

            yield return ManagerNodesInPlan(recordstores, options);

            List<string> onlyChangeable = recordstores.Where(a => a.IngestOnlyChangeable).Select(a => a.Entry.Server).ToList();
            yield return Rule("RecordstoreIngestReadable",
                recordstores.Where(a => a.IngestError != null).Select(a => a.IngestError + " Its ingest could not be halted and restored safely, so it is not upgraded."),
                recordstores.Count == 0 ? "no recordstores in the plan"
                : onlyChangeable.Count == 0 ? "record ingest was read for every recordstore cluster"
                : $"{string.Join(", ", onlyChangeable)} do not let record ingest be read, only changed: as the REST API guide says, it is halted before their upgrade and enabled after it");

            foreach (UpgradeRuleCheck check in VersionRules(appliances, options)) yield return check;
        }

        /// <summary>
        /// In a fleet of one kind of appliance, an unreachable one is reported as failed and the rest go ahead; in a
        /// mixed deployment a missing appliance could hide a broken order, so the whole plan is refused.
        /// </summary>
        private static UpgradeRuleCheck Reachability(IReadOnlyList<PlannedAppliance> appliances, PlanOptions options)
        {
            List<string> unreachable = appliances.Where(a => a.ReadError != null).Select(a => a.ReadError!)
                .Concat(options.Unreachable.Select(server => server + " could not be connected"))
                .ToList();
            if (unreachable.Count == 0) return Pass("Reachable", "every appliance answered");
            if (!SeveralStages(appliances)) return Pass("Reachable", $"{unreachable.Count} unreachable appliance(s) are reported as failed; the others go ahead: {string.Join("; ", unreachable)}");
            return Fail("Reachable", unreachable);
        }

        /// <summary>
        /// Every -ManagerNode names a recordstore of the plan that does not say it is a data node. A name that matches
        /// nothing would otherwise leave the real manager to be upgraded with the data nodes, out of the order.
        /// </summary>
        private static UpgradeRuleCheck ManagerNodesInPlan(List<PlannedAppliance> recordstores, PlanOptions options)
        {
            if (options.ManagerNodes.Count == 0) return Pass("ManagerNodesInPlan", "no -ManagerNode given");
            List<PlannedAppliance> readable = recordstores.Where(a => a.ReadError == null).ToList();
            var violations = new List<string>();
            foreach (string name in options.ManagerNodes)
            {
                List<PlannedAppliance> named = readable.Where(a => PlanOptions.Names(name, a.Target.Session)).ToList();
                if (named.Count == 0)
                {
                    string known = readable.Count == 0 ? "the plan has no recordstore" : "its recordstores are " + string.Join(", ", readable.Select(a => a.Entry.Server));
                    violations.Add($"-ManagerNode '{name}' names no recordstore of the plan ({known})");
                }
                // Named as a manager yet a data node: only the appliance itself can have said so, and its word wins.
                violations.AddRange(named.Where(a => a.Entry.NodeKind == RecordstoreNodeKind.Data)
                    .Select(a => $"-ManagerNode '{name}' names {a.Entry.Server}, which reports that it is a data node"));
            }
            return Rule("ManagerNodesInPlan", violations, "every -ManagerNode names a recordstore manager of the plan");
        }

        private static bool SeveralStages(IReadOnlyList<PlannedAppliance> appliances) =>
            appliances.Where(a => a.ReadError == null).Select(a => a.Stage).Distinct().Count() > 1;

        private static IEnumerable<UpgradeRuleCheck> VersionRules(IReadOnlyList<PlannedAppliance> appliances, PlanOptions options)
        {
            List<PlannedAppliance> readable = appliances.Where(a => a.ReadError == null).ToList();
            List<PlannedAppliance> unknownTarget = readable.Where(a => a.Entry.TargetVersion == null).ToList();
            if (unknownTarget.Count > 0)
            {
                // With one kind of appliance the order rules cannot be broken, and the appliance itself refuses an
                // incompatible image; across stages the order cannot be proven without knowing the version.
                yield return SeveralStages(appliances)
                    ? Fail("TargetVersionKnown", unknownTarget.Select(a => $"the version {a.Entry.Server} would run is not known (the image's name and contents do not say); give -TargetVersion"))
                    : Pass("TargetVersionKnown", "the image does not say its version; the appliances check compatibility themselves");
            }
            else
            {
                yield return Pass("TargetVersionKnown", "the target version of every appliance is known");
            }

            if (options.SkipCompatibilityCheck)
            {
                yield return Pass("NoDowngrade", "not checked: -SkipCompatibilityCheck");
            }
            else
            {
                yield return Rule("NoDowngrade",
                    readable.Where(a => FirmwareVersion.Compare(a.Entry.TargetVersion, a.Entry.CurrentVersion) < 0)
                        .Select(a => $"{a.Entry.Server} runs {a.Entry.CurrentVersion}; {a.Entry.TargetVersion} is older (use -SkipCompatibilityCheck to downgrade on purpose)"),
                    "no appliance goes to an older version");
            }

            yield return Rule("ConsoleNotBehind",
                NotBehind(readable, ApplianceRole.Console, a => a.Entry.Role != ApplianceRole.Console, "console", "appliance it manages"),
                "after the upgrade every console runs a version at least as new as every other appliance");
            yield return ConsoleNotBehindConnected(readable);
            yield return Rule("SensorNotBehind",
                NotBehind(readable, ApplianceRole.Sensor, a => a.Entry.Role == ApplianceRole.Recordstore || a.Entry.Role == ApplianceRole.Packetstore, "sensor", "recordstore or packetstore"),
                "after the upgrade every sensor runs a version at least as new as every recordstore and packetstore");
        }

        /// <summary>
        /// The guide's rule covers every appliance connected to a console, not only those in the plan: one that the
        /// plan leaves out and that runs a newer version than the console's target refuses the plan, and is named.
        /// A console whose connected appliances could not be read cannot be shown to keep the rule.
        /// </summary>
        private static UpgradeRuleCheck ConsoleNotBehindConnected(List<PlannedAppliance> appliances)
        {
            List<PlannedAppliance> consoles = appliances.Where(a => a.Entry.Role == ApplianceRole.Console).ToList();
            if (consoles.Count == 0) return Pass("ConsoleNotBehindConnected", "no console in the plan");
            var violations = new List<string>();
            foreach (PlannedAppliance console in consoles)
            {
                if (console.ConnectedReadError != null)
                {
                    violations.Add(console.ConnectedReadError + "; the console's version cannot be checked against them");
                    continue;
                }
                string? consoleVersion = console.Entry.TargetVersion ?? console.Entry.CurrentVersion;
                foreach (ExtraHopAppliance connected in console.Connected ?? new List<ExtraHopAppliance>())
                {
                    if (InPlan(connected, appliances)) continue;
                    if (FirmwareVersion.Compare(consoleVersion, connected.FirmwareVersion) < 0)
                    {
                        violations.Add($"console {console.Entry.Server} would run {consoleVersion}, older than {connected.Hostname} (id {connected.Id}, connected to it but not in the plan) at {connected.FirmwareVersion}");
                    }
                }
            }
            return Rule("ConsoleNotBehindConnected", violations, "after the upgrade every console runs a version at least as new as every appliance connected to it");
        }

        /// <summary>Whether a connected appliance is one of the plan's (then ConsoleNotBehind checks it with its own target).</summary>
        private static bool InPlan(ExtraHopAppliance connected, List<PlannedAppliance> appliances) =>
            appliances.Any(a => SameHost(connected.Hostname, a.Entry.Server) || SameHost(connected.Hostname, a.Target.Session.Hostname));

        private static bool SameHost(string? connected, string? server)
        {
            if (string.IsNullOrWhiteSpace(connected) || string.IsNullOrWhiteSpace(server)) return false;
            string host = server!.Trim();
            int colon = host.LastIndexOf(':');
            if (colon > 0 && host.IndexOf(':') == colon) host = host.Substring(0, colon);
            return string.Equals(connected!.Trim(), host, System.StringComparison.OrdinalIgnoreCase);
        }

        private static IEnumerable<string> NotBehind(List<PlannedAppliance> appliances, ApplianceRole role, System.Func<PlannedAppliance, bool> others, string roleName, string otherName)
        {
            foreach (PlannedAppliance leader in appliances.Where(a => a.Entry.Role == role))
            {
                string? leaderVersion = leader.Entry.TargetVersion ?? leader.Entry.CurrentVersion;
                foreach (PlannedAppliance other in appliances.Where(others))
                {
                    string? otherVersion = other.Entry.TargetVersion ?? other.Entry.CurrentVersion;
                    if (FirmwareVersion.Compare(leaderVersion, otherVersion) < 0)
                    {
                        yield return $"{roleName} {leader.Entry.Server} would run {leaderVersion}, older than {otherName} {other.Entry.Server} at {otherVersion}";
                    }
                }
            }
        }

        private static UpgradeRuleCheck Rule(string name, IEnumerable<string> violations, string whenPassed)
        {
            List<string> found = violations.ToList();
            return found.Count == 0 ? Pass(name, whenPassed) : Fail(name, found);
        }

        private static UpgradeRuleCheck Pass(string name, string detail) => new UpgradeRuleCheck { Rule = name, Passed = true, Detail = detail };

        private static UpgradeRuleCheck Fail(string name, IEnumerable<string> violations) =>
            new UpgradeRuleCheck { Rule = name, Passed = false, Detail = string.Join("; ", violations) };
    }
}
