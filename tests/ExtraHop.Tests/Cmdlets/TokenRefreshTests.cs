using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    public sealed class TokenRefreshTests : SimulatorTest
    {

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(new ApplianceOptions
            {
                Name = "tenant", ClientId = "id-1", ClientSecret = "secret-1", TokenLifetimeSeconds = 2,
            });
            Shell.SetVariable("cred", new PSCredential("id-1", Simulators.Secure("secret-1")));
            Shell.Invoke($"Connect-ExtraHop -Server '{Sim["tenant"].Server}' -ClientCredential $cred -CertificateThumbprint '{Sim.CertificateSha256}'").AssertNoErrors();
        }

        private int TokenRequests => Sim.RequestLog.Count(e => e.Path == "/oauth2/token");

        [Fact]
        public async Task TokenIsRenewedBeforeItExpires()
        {
            int before = TokenRequests;
            await Task.Delay(2200);
            Shell.Invoke("Get-EHUser -Name admin").AssertNoErrors();
            Assert.Equal(before + 1, TokenRequests);
            Assert.DoesNotContain(Sim.RequestLog, e => e.StatusCode == 401);
        }

        [Fact]
        public void TokenRevokedEarlyIsReplacedOnceAndTheCallSucceeds()
        {
            int before = TokenRequests;
            Sim["tenant"].ExpireTokens();
            ExtraHopUser user = Shell.Invoke("Get-EHUser -Name admin").AssertNoErrors().Single<ExtraHopUser>();
            Assert.Equal("admin", user.Username);
            Assert.Equal(before + 1, TokenRequests);
            Assert.Single(Sim.RequestLog, e => e.StatusCode == 401);
        }
    }
}
