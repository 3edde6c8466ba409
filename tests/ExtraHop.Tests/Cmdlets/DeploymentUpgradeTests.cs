using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;
using ApplianceRole = ExtraHop.Models.ApplianceRole;
using SimRole = ExtraHop.Simulator.ApplianceRole;
using SimNodeKind = ExtraHop.Simulator.RecordstoreNodeKind;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// A whole deployment: one console, two sensors, a three-node recordstore cluster (one manager) and a
    /// packetstore. The order, the rules, and record ingest through every way an upgrade can end.
    /// </summary>
    public sealed class DeploymentUpgradeTests : SimulatorTest
    {
        private const string To = "9.9.2.1234";
        private static readonly string[] Names = { "console1", "sensor1", "sensor2", "rs1", "rs2", "rs3", "ps1" };
        private static readonly string[] Recordstores = { "rs1", "rs2", "rs3" };

        public override async Task InitializeAsync() => await Start(reportsNodeKind: true);

        private async Task Start(bool reportsNodeKind)
        {
            if (Sim != null) await Sim.DisposeAsync();
            ApplianceOptions Recordstore(string name, SimNodeKind kind) =>
                new ApplianceOptions { Name = name, Role = SimRole.Recordstore, ClusterName = "rsc1", NodeKind = kind, ReportsNodeKind = reportsNodeKind };
            Sim = await Simulators.StartAsync(
                new ApplianceOptions { Name = "console1", Role = SimRole.Console },
                Simulators.Sensor("sensor1"),
                Simulators.Sensor("sensor2"),
                Recordstore("rs1", SimNodeKind.Manager),
                Recordstore("rs2", SimNodeKind.Data),
                Recordstore("rs3", SimNodeKind.Data),
                new ApplianceOptions { Name = "ps1", Role = SimRole.Packetstore });
            Shell.Invoke("Disconnect-ExtraHop -All");
            foreach (string name in Names) Shell.Connect(Sim, Sim[name], "-NotDefault");
            Shell.Invoke("$all = Get-EHSession").AssertNoErrors();
            Sim.ResetStatistics();
        }

        private PsResult Upgrade(string extra = "") =>
            Shell.Invoke($"Invoke-EHFirmwareUpgrade -Session $all -Version {To} -ThrottleLimit 4 -Force -PollIntervalSec 0.05 {extra}");

        private Dictionary<string, FirmwareUpgradeResult> ByName(PsResult result) =>
            result.Objects<FirmwareUpgradeResult>().ToDictionary(r => Names.Single(n => Sim[n].Server == r.Server));

        private IEnumerable<SimulatorEvent> Of(string appliance, SimulatorEventKind kind) => Sim.Events.Where(e => e.Appliance == appliance && e.Kind == kind);

        private IEnumerable<SimulatorEvent> IngestChanges(bool enabled) =>
            Sim.Events.Where(e => e.Kind == SimulatorEventKind.IngestChanged && e.Detail.EndsWith("enabled=" + (enabled ? "true" : "false"), StringComparison.Ordinal));

        private bool ClusterIngest => Sim["rs1"].IngestEnabled;

        [Fact]
        public void UpgradesInTheDocumentedOrderWithIngestOffOnlyDuringTheRecordstoreStage()
        {
            PsResult result = Upgrade().AssertNoErrors();

            Dictionary<string, FirmwareUpgradeResult> results = ByName(result);
            Assert.Equal(7, results.Count);
            Assert.All(results.Values, r => Assert.Equal(UpgradeStatus.Succeeded, r.Status));
            Assert.All(Names, n => Assert.Equal(To, Sim[n].CurrentVersion));

            // Each stage starts only after every appliance of the stage before it has finished.
            string[][] stages = { new[] { "console1" }, new[] { "sensor1", "sensor2" }, new[] { "rs1" }, new[] { "rs2", "rs3" }, new[] { "ps1" } };
            for (int i = 1; i < stages.Length; i++)
            {
                DateTimeOffset previousDone = stages[i - 1].Max(n => Of(n, SimulatorEventKind.JobFinished).Last().Time);
                DateTimeOffset nextStart = stages[i].Min(n => Of(n, SimulatorEventKind.JobStarted).First().Time);
                Assert.True(previousDone <= nextStart, $"stage {i + 1} started before stage {i} finished");
            }

            // Ingest: off once, before the first recordstore job; on once, after the last one and before the packetstore.
            SimulatorEvent halted = Assert.Single(IngestChanges(false));
            SimulatorEvent resumed = Assert.Single(IngestChanges(true));
            Assert.True(halted.Time <= Recordstores.Min(n => Of(n, SimulatorEventKind.JobStarted).First().Time));
            Assert.True(resumed.Time >= Recordstores.Max(n => Of(n, SimulatorEventKind.JobFinished).Last().Time));
            Assert.True(resumed.Time <= Of("ps1", SimulatorEventKind.JobStarted).First().Time);
            Assert.True(ClusterIngest);
            // Asked once each way: the data-node stage does not halt again, and the cluster is restored once.
            Assert.Single(Sim.RequestLog, e => e.Method == "PATCH" && e.Body!.Contains("false"));
            Assert.Single(Sim.RequestLog, e => e.Method == "PATCH" && e.Body!.Contains("true"));

            Assert.All(Recordstores, n => Assert.Equal("Halted before the upgrade, re-enabled after it", results[n].IngestAction));
            Assert.Equal(new[] { "Recordstore managers", "Recordstore data nodes", "Recordstore data nodes" }, Recordstores.Select(n => results[n].Stage));
            Assert.Equal(ApplianceRole.Console, results["console1"].Role);
        }

        [Fact]
        public void IngestIsRestoredWhenARecordstoreUpgradeFailsAndLaterStagesAreSkipped()
        {
            Sim["rs2"].Faults.FailJobAtStep(2, "simulated install failure");
            Shell.SetVariable("img", Temp.Image(To));
            PsResult result = Shell.Invoke("Invoke-EHFirmwareUpgrade -Session $all -Path $img -ThrottleLimit 4 -Force -PollIntervalSec 0.05");

            Dictionary<string, FirmwareUpgradeResult> results = ByName(result);
            Assert.Equal(UpgradeStatus.Failed, results["rs2"].Status);
            Assert.Equal(UpgradeStatus.Succeeded, results["rs3"].Status);
            Assert.Equal(UpgradeStatus.Skipped, results["ps1"].Status);
            Assert.Contains("Recordstore data nodes did not fully succeed", results["ps1"].Error);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Appliance == "ps1" && e.Method == "POST");
            Assert.True(ClusterIngest);
            Assert.Single(IngestChanges(true));
            Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("ExtraHop.JobFailed,", StringComparison.Ordinal));
            Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("ExtraHop.UpgradeSkipped,", StringComparison.Ordinal));
        }

        [Fact]
        public void IngestIsRestoredAfterATimeout()
        {
            Sim["rs1"].Faults.UpgradeDurationFactor = 1000;
            PsResult result = Upgrade("-TimeoutSec 3");
            Dictionary<string, FirmwareUpgradeResult> results = ByName(result);
            Assert.Equal(UpgradeStatus.TimedOut, results["rs1"].Status);
            Assert.Equal(UpgradeStatus.Skipped, results["rs2"].Status);
            Assert.True(ClusterIngest);
            Assert.Equal("Halted before the upgrade, re-enabled after it", results["rs2"].IngestAction);
        }

        [Fact]
        public async Task IngestIsRestoredAfterCtrlC()
        {
            Sim["rs1"].Faults.UpgradeDurationFactor = 1000;
            var (result, stop) = await Shell.InvokeAndStopAsync(
                $"Invoke-EHFirmwareUpgrade -Session $all -Version {To} -Force -PollIntervalSec 0.05",
                async () =>
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    while (!IngestChanges(false).Any() || !Of("rs1", SimulatorEventKind.JobStarted).Any())
                    {
                        if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("the recordstore stage never started");
                        await Task.Delay(20);
                    }
                    await Task.Delay(300);
                });

            Assert.IsType<PipelineStoppedException>(result.Terminating);
            Assert.True(stop < TimeSpan.FromSeconds(5), $"stopping took {stop}");
            Assert.True(ClusterIngest, "ingest was left off after Ctrl+C");
            Assert.DoesNotContain(Sim.RequestLog, e => e.Appliance == "ps1" && e.Method == "POST");
        }

        [Fact]
        public void AClusterWhoseIngestWasAlreadyOffIsLeftOff()
        {
            Shell.Invoke("Set-EHClusterIngest -Enabled $false -Session $all[3] -Force").AssertNoErrors();
            Sim.ResetStatistics();
            PsResult result = Upgrade().AssertNoErrors();
            Assert.False(ClusterIngest);
            Assert.DoesNotContain(Sim.Events, e => e.Kind == SimulatorEventKind.IngestChanged);
            Assert.All(Recordstores, n => Assert.Equal("Left off: ingest was already off before the command", ByName(result)[n].IngestAction));
        }

        [Fact]
        public void IngestThatCannotBeReEnabledIsAnErrorNamingTheClusterAndTheCommand()
        {
            foreach (string node in Recordstores) Sim[node].Faults.FailIngestEnable(1000);
            PsResult result = Upgrade("-IngestRestoreTimeoutSec 2");

            ErrorRecord error = result.AllErrors.Single(e => e.FullyQualifiedErrorId.StartsWith("ExtraHop.IngestNotRestored,", StringComparison.Ordinal));
            Assert.Contains("rsc1", error.Exception.Message);
            Assert.Contains("Set-EHClusterIngest -Enabled $true -Session", error.Exception.Message);
            Assert.False(ClusterIngest);
            int attempts = Sim.RequestLog.Count(e => e.Method == "PATCH" && e.Body != null && e.Body.Contains("true"));
            Assert.True(attempts >= 6, $"re-enabling was tried {attempts} times");
            Assert.All(Recordstores, n => Assert.StartsWith("HALTED AND NOT RE-ENABLED", ByName(result)[n].IngestAction));
        }

        [Fact]
        public void RuleViolationsAreRefusedBeforeAnythingChanges()
        {
            // The console would end up older than the sensors it manages.
            Shell.SetVariable("rows", Names.Select(n =>
            {
                var row = new PSObject();
                row.Properties.Add(new PSNoteProperty("Session", Shell.Invoke($"Get-EHSession -Server '{Sim[n].Server}'").Output.Single()));
                row.Properties.Add(new PSNoteProperty("Version", n == "console1" ? "9.8.3.1500" : To));
                return row;
            }).ToArray());
            PsResult result = Shell.Invoke("$rows | Invoke-EHFirmwareUpgrade -Force");

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith("ExtraHop.UpgradePlanRefused,", error.FullyQualifiedErrorId);
            Assert.Contains("ConsoleNotBehind", error.Exception.Message);
            Assert.Contains(Sim["console1"].Server, error.Exception.Message);
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));

            PsResult downgrade = Shell.Invoke("Invoke-EHFirmwareUpgrade -Session $all -Version 9.7.0.1 -Force");
            Assert.Contains("NoDowngrade", Assert.Single(downgrade.AllErrors).Exception.Message);
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));
        }

        [Fact]
        public void WhatIfShowsTheWholePlanAndChangesNothing()
        {
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Session $all -Version {To} -WhatIf").AssertNoErrors();
            Assert.Empty(result.Output);
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));
            string printed = string.Join("\n", Shell.Host.TestUI.Written);
            Assert.Contains("Halt record ingest on recordstore cluster rsc1", printed);
            Assert.Contains("Re-enable record ingest on recordstore cluster rsc1", printed);
            Assert.True(printed.IndexOf(Sim["console1"].Server, StringComparison.Ordinal) < printed.IndexOf(Sim["ps1"].Server, StringComparison.Ordinal));
        }

        [Fact]
        public void GetEHUpgradePlanShowsStagesStepsAndEveryRule()
        {
            UpgradePlan plan = Shell.Invoke($"Get-EHUpgradePlan -Session $all -Version {To}").AssertNoErrors().Single<UpgradePlan>();
            Assert.True(plan.IsValid);
            Assert.Equal(new[] { "Consoles", "Sensors", "Recordstore managers", "Recordstore data nodes", "Packetstores" }, plan.Stages.Select(s => s.Name));
            Assert.Equal(new[] { "HaltIngest", "Upgrade", "Upgrade", "Upgrade", "ResumeIngest" }, plan.Steps.Where(s => s.Stage.StartsWith("Recordstore", StringComparison.Ordinal)).Select(s => s.Action));
            Assert.Equal(
                new[] { "Reachable", "RoleKnown", "RecordstoreNodeKindKnown", "ManagerNodesInPlan", "RecordstoreIngestReadable", "TargetVersionKnown", "NoDowngrade", "ConsoleNotBehind", "ConsoleNotBehindConnected", "SensorNotBehind" },
                plan.Rules.Select(r => r.Rule));
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));
        }

        [Fact]
        public async Task NodeKindsTheAppliancesDoNotReportComeFromManagerNode()
        {
            await Start(reportsNodeKind: false);
            UpgradePlan unknown = Shell.Invoke($"Get-EHUpgradePlan -Session $all -Version {To}").Single<UpgradePlan>();
            Assert.False(unknown.IsValid);
            Assert.Contains("-ManagerNode", unknown.Rules.Single(r => r.Rule == "RecordstoreNodeKindKnown").Detail);
            Assert.StartsWith("ExtraHop.UpgradePlanRefused,", Assert.Single(Upgrade().AllErrors).FullyQualifiedErrorId);

            UpgradePlan named = Shell.Invoke($"Get-EHUpgradePlan -Session $all -Version {To} -ManagerNode '{Sim["rs1"].Server}'").AssertNoErrors().Single<UpgradePlan>();
            Assert.True(named.IsValid);
            Assert.Equal(new[] { Sim["rs1"].Server }, named.Stages.Single(s => s.Name == "Recordstore managers").Appliances);
        }

        [Fact]
        public void NoWaitIsRefusedWhereOrderOrIngestMustBeKept()
        {
            PsResult result = Upgrade("-NoWait");
            Assert.Contains("-NoWait cannot keep", Assert.Single(result.AllErrors).Exception.Message);
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));
        }

        [Fact]
        public void ClusterIngestIsSharedByTheNodesAndReportedBeforeAndAfter()
        {
            ClusterIngestChange change = Shell.Invoke("Set-EHClusterIngest -Enabled $false -Session $all[4] -PassThru -Force").AssertNoErrors().Single<ClusterIngestChange>();
            Assert.True(change.Before);
            Assert.False(change.After);
            Assert.Equal("rsc1", change.ClusterId);

            var states = Shell.Invoke("Get-EHClusterIngest -Session $all[3], $all[5]").AssertNoErrors().Objects<ClusterIngestState>().ToList();
            Assert.All(states, s => Assert.False(s.IngestEnabled));
            Assert.Equal(ExtraHop.Models.RecordstoreNodeKind.Manager, states[0].NodeKind);

            Shell.Invoke("Set-EHClusterIngest -Enabled $true -Session $all[3] -Force").AssertNoErrors();
            Assert.True(ClusterIngest);
        }

        [Fact]
        public void ClusterIngestOfAWholeDeploymentSkipsWhatIsKnownNotToBeARecordstore()
        {
            PsResult result = Shell.Invoke("Get-EHClusterIngest -Session $all -Verbose").AssertNoErrors();

            Assert.Equal(Recordstores.Select(n => Sim[n].Server), result.Objects<ClusterIngestState>().Select(s => s.Server));
            foreach (string other in Names.Except(Recordstores))
            {
                Assert.Contains(result.Verbose, line => line.StartsWith(Sim[other].Server + ": skipped", StringComparison.Ordinal));
            }
            Assert.DoesNotContain(Sim.RequestLog, e => !Recordstores.Contains(e.Appliance) && e.Path.Contains("cluster", StringComparison.Ordinal));
        }

        [Fact]
        public void SetEHClusterIngestAsksFirstAndWhatIfChangesNothing()
        {
            Shell.Invoke("Set-EHClusterIngest -Enabled $false -Session $all[3] -WhatIf").AssertNoErrors();
            Assert.True(ClusterIngest);
            Shell.Host.TestUI.Answers.Enqueue("No");
            Shell.Invoke("Set-EHClusterIngest -Enabled $false -Session $all[3]").AssertNoErrors();
            Assert.Single(Shell.Host.TestUI.Prompts);
            Assert.True(ClusterIngest);
        }
    }
}
