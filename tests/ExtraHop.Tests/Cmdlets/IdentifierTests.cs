using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>Job ids and user names that would make the request path name another resource are refused, naming the parameter.</summary>
    public sealed class IdentifierTests : SimulatorTest
    {
        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"]);
            Sim.ResetStatistics();
        }

        [Theory]
        [InlineData("Get-EHJob -Id '..'", "-Id '..'")]
        [InlineData("Get-EHJob -Id '.'", "-Id '.'")]
        [InlineData("Wait-EHJob -Id '..'", "-Id '..'")]
        [InlineData("Get-EHUser -Name '.'", "-Name '.'")]
        [InlineData("Get-EHUser -Name '..'", "-Name '..'")]
        [InlineData("Get-EHUser -Name ''", "-Name is empty")]
        public async Task AnIdThatWouldEscapeTheResourceIsAnInvalidArgumentAndNothingIsSent(string command, string named)
        {
            PsResult result = Shell.Invoke(command);

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith("ExtraHop.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Contains(named, error.Exception.Message);
            Assert.Empty(await Sim.SettledRequestLogAsync());
        }

        [Fact]
        public async Task ASlashInAnIdStaysInsideItsSegment()
        {
            PsResult result = Shell.Invoke("Get-EHJob -Id 'x/../../users'");

            Assert.StartsWith("ExtraHop.NotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal("/api/v1/jobs/x%2F..%2F..%2Fusers", Assert.Single(await Sim.SettledRequestLogAsync()).Path);
        }
    }
}
