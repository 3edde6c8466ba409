using System.Linq;
using System.Threading.Tasks;
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
    }
}
