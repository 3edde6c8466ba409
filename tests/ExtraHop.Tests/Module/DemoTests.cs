using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;
using SimRole = ExtraHop.Simulator.ApplianceRole;

namespace ExtraHop.Tests.Module
{
    /// <summary>Runs demo/Demo.ps1 (what build.ps1 -Task Demo runs) in the hosted engine, so the demo cannot rot.</summary>
    public sealed class DemoTests : SimulatorTest
    {

        public override async Task InitializeAsync()
        {
            ApplianceOptions Recordstore(string name, ExtraHop.Simulator.RecordstoreNodeKind kind) =>
                new ApplianceOptions { Name = name, Role = SimRole.Recordstore, ClusterName = "rsc1", NodeKind = kind };
            Sim = await Simulators.StartAsync(
                new ApplianceOptions { Name = "console1", Role = SimRole.Console },
                Simulators.Sensor("sensor1"),
                Recordstore("rs1", ExtraHop.Simulator.RecordstoreNodeKind.Manager),
                Recordstore("rs2", ExtraHop.Simulator.RecordstoreNodeKind.Data),
                new ApplianceOptions { Name = "ps1", Role = SimRole.Packetstore });
        }

        [Fact]
        public void TheDemoConnectsShowsAndUpgradesTheWholeDeployment()
        {
            var rows = Sim.Appliances.Select(a =>
            {
                var row = new PSObject();
                row.Properties.Add(new PSNoteProperty("Server", a.Server));
                row.Properties.Add(new PSNoteProperty("ApiKey", a.ApiKey));
                row.Properties.Add(new PSNoteProperty("CertificateSha256", Sim.CertificateSha256));
                return row;
            }).ToArray();

            PsResult result = Shell.Invoke("& $args[0] -Appliance $args[1] -FirmwarePath $args[2] -PollIntervalSec 0.05",
                RepoPaths.Combine("demo", "Demo.ps1"), rows, Temp.Image("9.9.2.1234")).AssertNoErrors();

            Assert.Equal(5, result.Objects<FirmwareUpgradeResult>().Count());
            Assert.All(result.Objects<FirmwareUpgradeResult>(), r => Assert.Equal(UpgradeStatus.Succeeded, r.Status));
            Assert.All(Sim.Appliances, a => Assert.Equal("9.9.2.1234", a.CurrentVersion));
            string shown = string.Join("\n", Shell.Host.TestUI.Written);
            Assert.Contains("== The upgrade plan for the whole deployment ==", shown);
            Assert.Contains("admin", shown);
            Assert.Empty(Shell.Invoke("Get-EHSession").Output);
        }
    }
}
