using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    public sealed class TokenRefreshTests : IAsyncLifetime
    {
        private SimulatorHost sim = null!;
        private readonly HostedPowerShell shell = new HostedPowerShell();

        public async Task InitializeAsync()
        {
            sim = await Simulators.StartAsync(new ApplianceOptions
            {
                Name = "tenant", ClientId = "id-1", ClientSecret = "secret-1", TokenLifetimeSeconds = 2,
            });
            shell.SetVariable("cred", new PSCredential("id-1", Simulators.Secure("secret-1")));
            shell.Invoke($"Connect-ExtraHop -Server '{sim["tenant"].Server}' -ClientCredential $cred -CertificateThumbprint '{sim.CertificateSha256}'").AssertNoErrors();
        }

        public async Task DisposeAsync()
        {
            shell.Dispose();
            await sim.DisposeAsync();
        }

        private int TokenRequests => sim.RequestLog.Count(e => e.Path == "/oauth2/token");

        [Fact]
        public async Task TokenIsRenewedBeforeItExpires()
        {
            int before = TokenRequests;
            await Task.Delay(2200);
            shell.Invoke("Get-EHUser -Name admin").AssertNoErrors();
            Assert.Equal(before + 1, TokenRequests);
            Assert.DoesNotContain(sim.RequestLog, e => e.StatusCode == 401);
        }

        [Fact]
        public void TokenRevokedEarlyIsReplacedOnceAndTheCallSucceeds()
        {
            int before = TokenRequests;
            sim["tenant"].ExpireTokens();
            ExtraHopUser user = shell.Invoke("Get-EHUser -Name admin").AssertNoErrors().Single<ExtraHopUser>();
            Assert.Equal("admin", user.Username);
            Assert.Equal(before + 1, TokenRequests);
            Assert.Single(sim.RequestLog, e => e.StatusCode == 401);
        }
    }
}
