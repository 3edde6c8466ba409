using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    public sealed class SessionRoutingTests : IAsyncLifetime
    {
        private SimulatorHost sim = null!;
        private readonly HostedPowerShell shell = new HostedPowerShell();

        public async Task InitializeAsync() =>
            sim = await Simulators.StartAsync(Simulators.Sensor("alpha", "9.8.1.1000"), Simulators.Sensor("beta", "9.7.0.2000"));

        public async Task DisposeAsync()
        {
            shell.Dispose();
            await sim.DisposeAsync();
        }

        [Fact]
        public void DefaultIsTheLastConnectedAndSessionParameterRoutesElsewhere()
        {
            ExtraHopSession alpha = shell.Connect(sim, sim["alpha"]);
            ExtraHopSession beta = shell.Connect(sim, sim["beta"]);
            shell.SetVariable("alpha", alpha);

            Assert.Equal("9.7.0.2000", shell.Invoke("Get-EHSystem").AssertNoErrors().Single<ExtraHopSystem>().Version);
            Assert.Equal("9.8.1.1000", shell.Invoke("Get-EHSystem -Session $alpha").AssertNoErrors().Single<ExtraHopSystem>().Version);
            Assert.Equal("9.8.1.1000", shell.Invoke($"Get-EHSystem -Session '{alpha.Server}'").AssertNoErrors().Single<ExtraHopSystem>().Version);

            var both = shell.Invoke("Get-EHSystem -Session $args[0], $args[1]", alpha, beta).AssertNoErrors().Objects<ExtraHopSystem>().ToList();
            Assert.Equal(new[] { alpha.Server, beta.Server }, both.Select(s => s.Server));
        }

        [Fact]
        public void ObjectsRememberTheirSessionDownThePipeline()
        {
            ExtraHopSession alpha = shell.Connect(sim, sim["alpha"]);
            shell.Connect(sim, sim["beta"]);
            shell.SetVariable("alpha", alpha);
            sim.ResetStatistics();

            ExtraHopUser user = shell.Invoke("Get-EHUser -Name admin -Session $alpha | Get-EHUser").AssertNoErrors().Single<ExtraHopUser>();

            Assert.Same(alpha, user.Session);
            Assert.Equal(alpha.Server, user.Server);
            Assert.All(sim.RequestLog, e => Assert.Equal("alpha", e.Appliance));
        }

        [Fact]
        public void ObjectsAndSessionsPipeIntoCmdletsThatTakeSessionsByValue()
        {
            ExtraHopSession alpha = shell.Connect(sim, sim["alpha"]);
            shell.Connect(sim, sim["beta"]);
            shell.SetVariable("alpha", alpha);

            Assert.Same(alpha, shell.Invoke("Get-EHUser -Name admin -Session $alpha | Get-EHSystem").AssertNoErrors().Single<ExtraHopSystem>().Session);
            var users = shell.Invoke("$alpha | Get-EHUser").AssertNoErrors().Objects<ExtraHopUser>().ToList();
            Assert.Contains(users, u => u.Username == "admin");
            Assert.All(users, u => Assert.Same(alpha, u.Session));
        }

        [Fact]
        public void DisconnectGoesOnPastASessionAlreadyClosed()
        {
            ExtraHopSession alpha = shell.Connect(sim, sim["alpha"]);
            ExtraHopSession beta = shell.Connect(sim, sim["beta"], "-NotDefault");
            shell.Invoke("Disconnect-ExtraHop -Session $args[0]", alpha).AssertNoErrors();
            shell.Invoke("$args[0], $args[1] | Disconnect-ExtraHop", alpha, beta).AssertNoErrors();
            Assert.False(beta.IsConnected);
            Assert.Empty(shell.Invoke("Get-EHSession").Output);
        }

        [Fact]
        public void UnknownSessionNameIsRefusedWithTheConnectedNames()
        {
            shell.Connect(sim, sim["alpha"]);
            PsResult result = shell.Invoke("Get-EHSystem -Session nosuchhost");
            string message = Assert.Single(result.AllErrors).Exception.Message;
            Assert.Contains("no connected session named 'nosuchhost'", message);
            Assert.Contains(sim["alpha"].Server, message);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void EachRunspaceHasItsOwnDefault()
        {
            shell.Connect(sim, sim["alpha"]);
            using var other = new HostedPowerShell();
            Assert.Empty(other.Invoke("Get-EHSession").Output);
            other.Connect(sim, sim["beta"]);
            Assert.Equal(sim["alpha"].Server, shell.Invoke("(Get-EHSession -Default).Server").Output.Single().BaseObject);
            Assert.Equal(sim["beta"].Server, other.Invoke("(Get-EHSession -Default).Server").Output.Single().BaseObject);
        }

        [Fact]
        public void GetEHSessionFiltersByWildcard()
        {
            shell.Connect(sim, sim["alpha"]);
            shell.Connect(sim, sim["beta"], "-NotDefault");
            Assert.Equal(2, shell.Invoke("Get-EHSession").Output.Count);
            Assert.Equal(2, shell.Invoke("Get-EHSession -Server 'localhost*'").Output.Count);
            Assert.Empty(shell.Invoke("Get-EHSession -Server 'nothing*'").Output);
        }
    }
}
