using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;
using SimRole = ExtraHop.Simulator.ApplianceRole;
using SimNodeKind = ExtraHop.Simulator.RecordstoreNodeKind;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Running an upgrade again (a scheduled task, or a retry after a partial failure) leaves appliances that
    /// already run the target version alone, unless -Reinstall; the rest of the deployment still goes ahead in
    /// order, and recordstore ingest is halted only when a recordstore is really upgraded.
    /// </summary>
    public sealed class UpgradeRerunTests : SimulatorTest
    {
        private const string From = "9.8.1.1000";
        private const string To = "9.9.2.1234";
        private static readonly string[] Names = { "console1", "sensor1", "sensor2", "rs1", "rs2", "rs3", "ps1" };

        public override Task InitializeAsync() => Task.CompletedTask;

        /// <summary>A deployment where the named appliances already run the target version.</summary>
        private async Task StartDeployment(params string[] alreadyAtTarget)
        {
            ApplianceOptions Appliance(string name, SimRole role, SimNodeKind? kind = null) => new ApplianceOptions
            {
                Name = name,
                Role = role,
                NodeKind = kind,
                ClusterName = role == SimRole.Recordstore ? "rsc1" : null,
                Version = alreadyAtTarget.Contains(name) ? To : From,
            };
            Sim = await Simulators.StartAsync(
                Appliance("console1", SimRole.Console),
                Appliance("sensor1", SimRole.Sensor),
                Appliance("sensor2", SimRole.Sensor),
                Appliance("rs1", SimRole.Recordstore, SimNodeKind.Manager),
                Appliance("rs2", SimRole.Recordstore, SimNodeKind.Data),
                Appliance("rs3", SimRole.Recordstore, SimNodeKind.Data),
                Appliance("ps1", SimRole.Packetstore));
            foreach (string name in Names) Shell.Connect(Sim, Sim[name], "-NotDefault");
            Shell.Invoke("$all = Get-EHSession").AssertNoErrors();
            Sim.ResetStatistics();
        }

        private Dictionary<string, FirmwareUpgradeResult> ByName(PsResult result) =>
            result.Objects<FirmwareUpgradeResult>().ToDictionary(r => Names.Single(n => Sim[n].Server == r.Server));

        private IEnumerable<SimulatorEvent> IngestChanges(bool enabled) =>
            Sim.Events.Where(e => e.Kind == SimulatorEventKind.IngestChanged && e.Detail.EndsWith("enabled=" + (enabled ? "true" : "false"), StringComparison.Ordinal));

        private DateTimeOffset FirstJobStart(string appliance) =>
            Sim.Events.First(e => e.Appliance == appliance && e.Kind == SimulatorEventKind.JobStarted).Time;

        [Fact]
        public async Task ASecondRunLeavesTheApplianceAloneWithoutAnErrorAndReinstallInstallsAgain()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1", From));
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.SetVariable("img", Temp.Image(To));
            Assert.Equal(UpgradeStatus.Succeeded, Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -Force -PollIntervalSec 0.05").AssertNoErrors().Single<FirmwareUpgradeResult>().Status);
            Sim.ResetStatistics();

            PsResult rerun = Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -Force -PollIntervalSec 0.05").AssertNoErrors();
            FirmwareUpgradeResult again = rerun.Single<FirmwareUpgradeResult>();
            // Nothing was left to do, so nothing is reported as "not upgraded".
            Assert.Empty(rerun.Warnings);

            Assert.Equal(UpgradeStatus.Skipped, again.Status);
            Assert.Contains($"already at {To}", again.Error);
            Assert.Equal(To, again.FromVersion);
            Assert.Equal(To, again.ToVersion);
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));
            Assert.DoesNotContain(Sim.Events, e => e.Kind == SimulatorEventKind.RebootStarted);

            UpgradePlan plan = Shell.Invoke("Get-EHUpgradePlan -Path $img").AssertNoErrors().Single<UpgradePlan>();
            UpgradeStep step = Assert.Single(plan.Steps);
            Assert.Equal("Skip", step.Action);
            Assert.Contains($"already at {To}", step.Description);
            Assert.Equal("Upgrade", Assert.Single(Shell.Invoke("Get-EHUpgradePlan -Path $img -Reinstall").AssertNoErrors().Single<UpgradePlan>().Steps).Action);

            FirmwareUpgradeResult reinstalled = Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -Reinstall -Force -PollIntervalSec 0.05").AssertNoErrors().Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.Succeeded, reinstalled.Status);
            Assert.Contains(Sim.RequestLog, e => e.Method == "POST" && e.Path == "/api/v1/extrahop/firmware/latest/upgrade");
        }

        [Fact]
        public async Task ADeploymentWithSomeAppliancesAtTheTargetUpgradesTheOthersInOrderAndSettlesIngest()
        {
            await StartDeployment("console1", "sensor1", "rs1");

            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Session $all -Version {To} -Force -PollIntervalSec 0.05").AssertNoErrors();

            Dictionary<string, FirmwareUpgradeResult> results = ByName(result);
            Assert.Equal(7, results.Count);
            foreach (string skipped in new[] { "console1", "sensor1", "rs1" })
            {
                Assert.Equal(UpgradeStatus.Skipped, results[skipped].Status);
                Assert.Contains("already at", results[skipped].Error);
                Assert.DoesNotContain(Sim.RequestLog, e => e.Appliance == skipped && e.Method == "POST");
            }
            foreach (string upgraded in new[] { "sensor2", "rs2", "rs3", "ps1" }) Assert.Equal(UpgradeStatus.Succeeded, results[upgraded].Status);
            Assert.All(Names, n => Assert.Equal(To, Sim[n].CurrentVersion));

            // The manager stage upgrades nothing, so ingest is halted just before the data nodes and restored once after them.
            SimulatorEvent halted = Assert.Single(IngestChanges(false));
            SimulatorEvent resumed = Assert.Single(IngestChanges(true));
            Assert.True(halted.Time <= new[] { "rs2", "rs3" }.Min(FirstJobStart));
            Assert.True(resumed.Time <= FirstJobStart("ps1"));
            Assert.True(Sim["rs1"].IngestEnabled);
            Assert.All(new[] { "rs1", "rs2", "rs3" }, n => Assert.Equal("Halted before the upgrade, re-enabled after it", results[n].IngestAction));
        }

        [Fact]
        public async Task RecordstoresAllAtTheTargetKeepTheirIngestUntouched()
        {
            await StartDeployment("rs1", "rs2", "rs3");

            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Session $all -Version {To} -Force -PollIntervalSec 0.05").AssertNoErrors();

            Dictionary<string, FirmwareUpgradeResult> results = ByName(result);
            Assert.Equal(UpgradeStatus.Succeeded, results["ps1"].Status);
            Assert.All(new[] { "rs1", "rs2", "rs3" }, n => Assert.Equal(UpgradeStatus.Skipped, results[n].Status));
            Assert.DoesNotContain(Sim.Events, e => e.Kind == SimulatorEventKind.IngestChanged);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Method == "PATCH");
            Assert.All(new[] { "rs1", "rs2", "rs3" }, n => Assert.StartsWith("Not changed", results[n].IngestAction));

            UpgradePlan plan = Shell.Invoke($"Get-EHUpgradePlan -Session $all -Version {To}").AssertNoErrors().Single<UpgradePlan>();
            Assert.DoesNotContain(plan.Steps, s => s.Action == "HaltIngest" || s.Action == "ResumeIngest");
        }
    }
}
