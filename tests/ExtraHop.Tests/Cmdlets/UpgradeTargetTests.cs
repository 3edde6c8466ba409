using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;
using SimNodeKind = ExtraHop.Simulator.RecordstoreNodeKind;
using SimRole = ExtraHop.Simulator.ApplianceRole;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Which appliances Invoke-EHFirmwareUpgrade and Get-EHUpgradePlan act on, and from what: the appliances must be
    /// named one way, -ManagerNode must name recordstores of the plan, and a firmware URL must carry no password.
    /// </summary>
    public sealed class UpgradeTargetTests : SimulatorTest
    {
        private const string To = "9.9.2.1234";
        private const string Password = "S3cret-Pa55word";

        public override async Task InitializeAsync()
        {
            // Recordstores whose firmware does not say which kind of node they are (so -ManagerNode has to), and rs9,
            // whose firmware does say: it is a data node of a cluster of its own.
            ApplianceOptions Silent(string name, SimNodeKind kind) =>
                new ApplianceOptions { Name = name, Role = SimRole.Recordstore, ClusterName = "rsc1", NodeKind = kind, ReportsNodeKind = false };
            Sim = await Simulators.StartAsync(
                Simulators.Sensor("sensor0"),
                Simulators.Sensor("sensor3"),
                Silent("rs1", SimNodeKind.Manager),
                Silent("rs2", SimNodeKind.Data),
                Simulators.Recordstore("rs9", "rsc9", SimNodeKind.Data));
            Shell.SetVariable("img", Temp.Image(To));
        }

        private void ConnectRecordstores()
        {
            foreach (string name in new[] { "sensor0", "rs1", "rs2" }) Shell.Connect(Sim, Sim[name], "-NotDefault");
            Shell.Invoke("$deployment = Get-EHSession; $rs1 = Get-EHSession -Server '" + Sim["rs1"].Server + "'").AssertNoErrors();
            Sim.ResetStatistics();
        }

        [Theory]
        [InlineData("-WhatIf")]
        [InlineData("-Force -PollIntervalSec 0.05")]
        public void SessionTogetherWithServerAndApiKeyIsRefusedAndNothingIsPlanned(string mode)
        {
            Shell.Connect(Sim, Sim["sensor0"]);
            Shell.Invoke("$s0 = Get-EHSession -Default").AssertNoErrors();
            Shell.SetVariable("k3", Simulators.Secure(Sim["sensor3"].ApiKey));
            Sim.ResetStatistics();

            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img -Server '{Sim["sensor3"].Server}' -ApiKey $k3 -Session $s0 {mode}");

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith("ExtraHop.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(Sim["sensor0"].Server, error.Exception.Message);
            Assert.Contains(Sim["sensor3"].Server, error.Exception.Message);
            Assert.Empty(result.Output);
            Assert.Empty(Shell.Host.TestUI.Written);
            Assert.Empty(Sim.RequestLog);
            Assert.Equal("9.8.1.1000", Sim["sensor0"].CurrentVersion);
        }

        [Fact]
        public void ASessionPipedWithItsOwnServerNameIsNoContradiction()
        {
            Shell.Connect(Sim, Sim["sensor0"]);
            // A session binds both -Session (its Session property is itself) and -Server (its name).
            PsResult result = Shell.Invoke("Get-EHSession | Invoke-EHFirmwareUpgrade -Path $img -WhatIf").AssertNoErrors();
            Assert.Contains(Shell.Host.TestUI.Written, line => line.Contains(Sim["sensor0"].Server, StringComparison.Ordinal));
            Assert.Empty(result.Output);
        }

        [Fact]
        public void ManagerNodeTakesSessionsAndHostNames()
        {
            ConnectRecordstores();

            foreach (string given in new[] { "$rs1", "rs1", $"'{Sim["rs1"].Server}'" })
            {
                UpgradePlan plan = Shell.Invoke($"Get-EHUpgradePlan -Session $deployment -Version {To} -ManagerNode {given}").AssertNoErrors().Single<UpgradePlan>();
                Assert.True(plan.IsValid, given);
                Assert.Equal(new[] { Sim["rs1"].Server }, plan.Stages.Single(s => s.Name == "Recordstore managers").Appliances);
                Assert.Equal(new[] { Sim["rs2"].Server }, plan.Stages.Single(s => s.Name == "Recordstore data nodes").Appliances);
            }
        }

        [Fact]
        public void AManagerNodeThatIsNoRecordstoreOfThePlanIsRefusedBeforeAnythingChanges()
        {
            ConnectRecordstores();

            PsResult planned = Shell.Invoke($"Get-EHUpgradePlan -Session $deployment -Version {To} -ManagerNode rs1x");
            UpgradePlan plan = planned.Single<UpgradePlan>();
            Assert.False(plan.IsValid);
            UpgradeRuleCheck rule = plan.Rules.Single(r => r.Rule == "ManagerNodesInPlan");
            Assert.False(rule.Passed);
            Assert.Contains("'rs1x' names no recordstore", rule.Detail);
            Assert.Contains(planned.Warnings, w => w.Contains("ManagerNodesInPlan", StringComparison.Ordinal));

            // A sensor is no recordstore either.
            PsResult upgrade = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Session $deployment -Version {To} -ManagerNode sensor0 -Force -PollIntervalSec 0.05");
            ErrorRecord refused = Assert.Single(upgrade.AllErrors);
            Assert.StartsWith("ExtraHop.UpgradePlanRefused,", refused.FullyQualifiedErrorId);
            Assert.Contains("'sensor0' names no recordstore", refused.Exception.Message);
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));
            Assert.True(Sim["rs1"].IngestEnabled);
        }

        [Fact]
        public void AManagerNodeThatReportsItIsADataNodeIsRefused()
        {
            Shell.Connect(Sim, Sim["rs9"], "-NotDefault");
            Shell.Invoke("$rs9 = Get-EHSession -Server rs9").AssertNoErrors();

            UpgradePlan plan = Shell.Invoke($"Get-EHUpgradePlan -Session $rs9 -Version {To} -ManagerNode $rs9").Single<UpgradePlan>();

            Assert.False(plan.IsValid);
            Assert.Contains("reports that it is a data node", plan.Rules.Single(r => r.Rule == "ManagerNodesInPlan").Detail);
        }

        [Theory]
        [InlineData("Invoke-EHFirmwareUpgrade -Force -WhatIf -Verbose")]
        [InlineData("Invoke-EHFirmwareUpgrade -Force -PollIntervalSec 0.05")]
        [InlineData("Get-EHUpgradePlan -Verbose")]
        public void AFirmwareUrlWithAPasswordIsRefusedWithoutShowingThePassword(string command)
        {
            Shell.Connect(Sim, Sim["sensor0"]);
            Sim.ResetStatistics();
            string url = Sim.PublishFile($"extrahop-{To}.tar", (string)Shell.GetVariable("img")!).Replace("https://", $"https://admin:{Password}@", StringComparison.Ordinal);

            PsResult result = Shell.Invoke($"{command} -Uri $args[0]", url);

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith("ExtraHop.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Contains("user name or password", error.Exception.Message);
            Assert.DoesNotContain(Password, result.AllText(), StringComparison.Ordinal);
            Assert.DoesNotContain(Shell.Host.TestUI.Written, line => line.Contains(Password, StringComparison.Ordinal));
            Assert.Empty(result.Output);
            Assert.Empty(Sim.RequestLog);
        }
    }
}
