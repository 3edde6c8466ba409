using System;
using System.Linq;
using System.Threading.Tasks;
using System.Management.Automation;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;
using SimRole = ExtraHop.Simulator.ApplianceRole;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// The deployment upgrade reads a console's connected appliances: one that the plan leaves out and that runs a
    /// newer version than the console's target refuses the plan and is named; one in the plan is checked with its target.
    /// </summary>
    public sealed class ConnectedApplianceRuleTests : SimulatorTest
    {
        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(
                new ApplianceOptions
                {
                    Name = "console1",
                    Role = SimRole.Console,
                    Version = "9.8.1.1000",
                    ConnectedAppliances = new[]
                    {
                        // In the plan (the simulated sensor1 reports this host name), and at the console's version.
                        new ConnectedApplianceOptions { Hostname = "sensor1", Role = SimRole.Sensor, Version = "9.8.1.1000" },
                        // Not in the plan, and newer than 9.9.1.1100 but not than 9.9.2.1234.
                        new ConnectedApplianceOptions { Hostname = "eda-branch.example.com", Role = SimRole.Sensor, Version = "9.9.2.1234" },
                    },
                },
                Simulators.Sensor("sensor1", "9.8.1.1000"));
            Shell.Connect(Sim, Sim["console1"], "-NotDefault");
            Shell.Connect(Sim, Sim["sensor1"], "-NotDefault");
            Shell.Invoke("$all = Get-EHSession").AssertNoErrors();
        }

        [Fact]
        public void AConnectedApplianceOutsideThePlanThatIsNewerThanTheConsolesTargetRefusesThePlanAndIsNamed()
        {
            UpgradePlan plan = Shell.Invoke("Get-EHUpgradePlan -Session $all -Version 9.9.1.1100").AssertNoErrors().Single<UpgradePlan>();

            Assert.False(plan.IsValid);
            UpgradeRuleCheck rule = plan.Rules.Single(r => r.Rule == "ConsoleNotBehindConnected");
            Assert.False(rule.Passed);
            Assert.Contains("eda-branch.example.com (id 2, connected to it but not in the plan) at 9.9.2.1234", rule.Detail);
            Assert.DoesNotContain("sensor1 (id 1", rule.Detail);

            PsResult upgrade = Shell.Invoke("Invoke-EHFirmwareUpgrade -Session $all -Version 9.9.1.1100 -Force -PollIntervalSec 0.05");
            ErrorRecord refused = Assert.Single(upgrade.AllErrors);
            Assert.StartsWith("ExtraHop.UpgradePlanRefused,", refused.FullyQualifiedErrorId);
            Assert.Contains("eda-branch.example.com", refused.Exception.Message);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Method == "POST");
        }

        [Fact]
        public void ATargetAtLeastAsNewAsEveryConnectedAppliancePassesTheRule()
        {
            UpgradePlan plan = Shell.Invoke("Get-EHUpgradePlan -Session $all -Version 9.9.2.1234").AssertNoErrors().Single<UpgradePlan>();

            Assert.True(plan.Rules.Single(r => r.Rule == "ConsoleNotBehindConnected").Passed);
            Assert.True(plan.IsValid);
            Assert.Contains(Sim.RequestLog, e => e.Appliance == "console1" && e.Method == "GET" && e.Path.EndsWith("/appliances", StringComparison.Ordinal));
        }

        [Fact]
        public void APlanWithoutAConsoleDoesNotAskForConnectedAppliances()
        {
            UpgradePlan plan = Shell.Invoke("Get-EHUpgradePlan -Session (Get-EHSession -Server $args[0]) -Version 9.9.1.1100", Sim["sensor1"].Server).AssertNoErrors().Single<UpgradePlan>();

            Assert.Equal("no console in the plan", plan.Rules.Single(r => r.Rule == "ConsoleNotBehindConnected").Detail);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Path.Contains("/appliances", StringComparison.Ordinal));
        }
    }
}
