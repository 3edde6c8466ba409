using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    public sealed class SessionRoutingTests : SimulatorTest
    {

        public override async Task InitializeAsync() =>
            Sim = await Simulators.StartAsync(Simulators.Sensor("alpha", "9.8.1.1000"), Simulators.Sensor("beta", "9.7.0.2000"));

        [Fact]
        public void DefaultIsTheLastConnectedAndSessionParameterRoutesElsewhere()
        {
            ExtraHopSession alpha = Shell.Connect(Sim, Sim["alpha"]);
            ExtraHopSession beta = Shell.Connect(Sim, Sim["beta"]);
            Shell.SetVariable("alpha", alpha);

            Assert.Equal("9.7.0.2000", Shell.Invoke("Get-EHSystem").AssertNoErrors().Single<ExtraHopSystem>().Version);
            Assert.Equal("9.8.1.1000", Shell.Invoke("Get-EHSystem -Session $alpha").AssertNoErrors().Single<ExtraHopSystem>().Version);
            Assert.Equal("9.8.1.1000", Shell.Invoke($"Get-EHSystem -Session '{alpha.Server}'").AssertNoErrors().Single<ExtraHopSystem>().Version);

            var both = Shell.Invoke("Get-EHSystem -Session $args[0], $args[1]", alpha, beta).AssertNoErrors().Objects<ExtraHopSystem>().ToList();
            Assert.Equal(new[] { alpha.Server, beta.Server }, both.Select(s => s.Server));
        }

        [Fact]
        public void VerboseLinesNameTheApplianceAndTheRequestAsErrorsDo()
        {
            ExtraHopSession alpha = Shell.Connect(Sim, Sim["alpha"]);
            ExtraHopSession beta = Shell.Connect(Sim, Sim["beta"]);

            PsResult both = Shell.Invoke("Get-EHUser -Session $args[0], $args[1] -Name admin -Verbose", alpha, beta).AssertNoErrors();
            Assert.Contains(both.Verbose, line => line.StartsWith(alpha.Server + ": GET /users/admin -> 200", System.StringComparison.Ordinal));
            Assert.Contains(both.Verbose, line => line.StartsWith(beta.Server + ": GET /users/admin -> 200", System.StringComparison.Ordinal));

            PsResult missing = Shell.Invoke("Get-EHUser -Session $args[0] -Name nobody -Verbose", alpha);
            string asked = alpha.Server + ": GET /users/nobody";
            Assert.StartsWith(asked, Assert.Single(missing.Errors).Exception.Message, System.StringComparison.Ordinal);
            Assert.Contains(missing.Verbose, line => line.StartsWith(asked + " -> 404", System.StringComparison.Ordinal));
        }

        [Fact]
        public void ObjectsRememberTheirSessionDownThePipeline()
        {
            ExtraHopSession alpha = Shell.Connect(Sim, Sim["alpha"]);
            Shell.Connect(Sim, Sim["beta"]);
            Shell.SetVariable("alpha", alpha);
            Sim.ResetStatistics();

            ExtraHopUser user = Shell.Invoke("Get-EHUser -Name admin -Session $alpha | Get-EHUser").AssertNoErrors().Single<ExtraHopUser>();

            Assert.Same(alpha, user.Session);
            Assert.Equal(alpha.Server, user.Server);
            Assert.All(Sim.RequestLog, e => Assert.Equal("alpha", e.Appliance));
        }

        [Fact]
        public void ObjectsAndSessionsPipeIntoCmdletsThatTakeSessionsByValue()
        {
            ExtraHopSession alpha = Shell.Connect(Sim, Sim["alpha"]);
            Shell.Connect(Sim, Sim["beta"]);
            Shell.SetVariable("alpha", alpha);

            Assert.Same(alpha, Shell.Invoke("Get-EHUser -Name admin -Session $alpha | Get-EHSystem").AssertNoErrors().Single<ExtraHopSystem>().Session);
            var users = Shell.Invoke("$alpha | Get-EHUser").AssertNoErrors().Objects<ExtraHopUser>().ToList();
            Assert.Contains(users, u => u.Username == "admin");
            Assert.All(users, u => Assert.Same(alpha, u.Session));
        }

        [Fact]
        public void DisconnectGoesOnPastASessionAlreadyClosed()
        {
            ExtraHopSession alpha = Shell.Connect(Sim, Sim["alpha"]);
            ExtraHopSession beta = Shell.Connect(Sim, Sim["beta"], "-NotDefault");
            Shell.Invoke("Disconnect-ExtraHop -Session $args[0]", alpha).AssertNoErrors();
            Shell.Invoke("$args[0], $args[1] | Disconnect-ExtraHop", alpha, beta).AssertNoErrors();
            Assert.False(beta.IsConnected);
            Assert.Empty(Shell.Invoke("Get-EHSession").Output);
        }

        [Fact]
        public void UnknownSessionNameIsRefusedWithTheConnectedNames()
        {
            Shell.Connect(Sim, Sim["alpha"]);
            PsResult result = Shell.Invoke("Get-EHSystem -Session nosuchhost");
            string message = Assert.Single(result.AllErrors).Exception.Message;
            Assert.Contains("no connected session named 'nosuchhost'", message);
            Assert.Contains(Sim["alpha"].Server, message);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void EachRunspaceHasItsOwnDefault()
        {
            Shell.Connect(Sim, Sim["alpha"]);
            using var other = new HostedPowerShell();
            Assert.Empty(other.Invoke("Get-EHSession").Output);
            other.Connect(Sim, Sim["beta"]);
            Assert.Equal(Sim["alpha"].Server, Shell.Invoke("(Get-EHSession -Default).Server").Output.Single().BaseObject);
            Assert.Equal(Sim["beta"].Server, other.Invoke("(Get-EHSession -Default).Server").Output.Single().BaseObject);
        }

        [Fact]
        public void GetEHSessionFiltersByWildcard()
        {
            Shell.Connect(Sim, Sim["alpha"]);
            Shell.Connect(Sim, Sim["beta"], "-NotDefault");
            Assert.Equal(2, Shell.Invoke("Get-EHSession").Output.Count);
            Assert.Equal(2, Shell.Invoke("Get-EHSession -Server 'localhost*'").Output.Count);
            Assert.Empty(Shell.Invoke("Get-EHSession -Server 'nothing*'").Output);
        }
    }
}
