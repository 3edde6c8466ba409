using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>Tab completion as the prompt asks for it (TabExpansion2): session names, user names, job ids.</summary>
    public sealed class CompletionTests : SimulatorTest
    {

        public override async Task InitializeAsync() => Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));

        private string[] Complete(string line) =>
            Shell.Invoke("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText }", line)
                .AssertNoErrors().Output.Select(o => o.ToString()!).ToArray();

        [Fact]
        public void NothingIsAskedWithoutASession()
        {
            Assert.Empty(Complete("Get-EHUser -Name ad"));
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void UserNamesSessionNamesAndJobIdsComplete()
        {
            Shell.Connect(Sim, Sim["eh1"]);
            Assert.Equal(new[] { "admin" }, Complete("Get-EHUser -Name ad"));
            Assert.Equal(new[] { Sim["eh1"].Server }, Complete("Get-EHSystem -Session local"));

            int before = Sim.RequestLog.Count;
            Complete("Get-EHUser -Name au");
            Assert.Equal(before, Sim.RequestLog.Count);   // the names are cached for a while
            Assert.Empty(Complete("Get-EHJob -Id "));
        }

        [Fact]
        public void ASessionNameIsOfferedOnceEvenWhenTwoSessionsShareIt()
        {
            ExtraHopSession first = Shell.Connect(Sim, Sim["eh1"]);
            Shell.Connect(Sim, Sim["eh1"], "-NotDefault");

            Assert.Equal(new[] { first.Server }, Complete("Disconnect-ExtraHop -Session "));
            Assert.Equal(new[] { first.Server }, Complete("Connect-ExtraHop -Server loc"));
        }

        [Fact]
        public void VersionsCompleteFromWhatTheApplianceCanTake()
        {
            Assert.Empty(Complete("Invoke-EHFirmwareUpgrade -Version "));
            Assert.Empty(Sim.RequestLog);

            Shell.Connect(Sim, Sim["eh1"]);
            Assert.Equal(new[] { "9.9.2.1234", "9.9.1.1100", "9.8.3.1500" }, Complete("Invoke-EHFirmwareUpgrade -Version "));
            Assert.Equal(new[] { "9.9.2.1234", "9.9.1.1100" }, Complete("Get-EHUpgradePlan -Version 9.9"));
        }

        [Fact]
        public void EnabledCompletesToTheTwoBooleans()
        {
            Assert.Equal(new[] { "$true", "$false" }, Complete("Set-EHClusterIngest -Enabled "));
            // After a $, PowerShell adds the variables it knows after what the completer offers.
            Assert.Equal("$false", Complete("Set-EHClusterIngest -Enabled $f")[0]);
            Assert.DoesNotContain("$true", Complete("Set-EHClusterIngest -Enabled $f"));
            Assert.Equal(new[] { "$true" }, Complete("Set-EHClusterIngest -Enabled t"));
        }
    }
}
