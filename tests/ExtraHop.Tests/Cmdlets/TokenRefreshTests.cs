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

        private PsResult ConnectAgain(string extra = "") =>
            Shell.Invoke($"Connect-ExtraHop -Server '{Sim["tenant"].Server}' -ClientCredential $cred -CertificateThumbprint '{Sim.CertificateSha256}' -RetryIntervalSec 0 {extra}");

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

        [Fact]
        public void ATokenRefusedWithA400InPlainTextIsReplacedOnceAndTheCallSucceeds()
        {
            int before = TokenRequests;
            Sim["tenant"].Faults.FailRequestsWithText(1, 400, "The specified access token is invalid", "/api/v1/users");
            ExtraHopUser user = Shell.Invoke("Get-EHUser -Name admin").AssertNoErrors().Single<ExtraHopUser>();
            Assert.Equal("admin", user.Username);
            Assert.Equal(before + 1, TokenRequests);
        }

        [Fact]
        public void AnOrdinaryBadRequestDoesNotFetchANewToken()
        {
            int before = TokenRequests;
            Sim["tenant"].Faults.FailRequestsWithText(1, 400, "Invalid username", "/api/v1/users");
            PsResult result = Shell.Invoke("Get-EHUser -Name admin");
            Assert.StartsWith("ExtraHop.BadRequest,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal(before, TokenRequests);
        }

        [Fact]
        public void ARateLimitedTokenRequestIsWaitedOutNotReportedAsWrongCredentials()
        {
            Sim.ResetStatistics();
            Sim["tenant"].Faults.RateLimit(1, 1, "/oauth2/token");
            ConnectAgain().AssertNoErrors();
            Assert.Equal(new[] { 429, 200 }, Sim.RequestLog.Where(e => e.Path == "/oauth2/token").Select(e => e.StatusCode));
        }

        [Fact]
        public void AFailingTokenRequestIsNamedInTheErrorNotTheCallThatNeededIt()
        {
            Sim["tenant"].Faults.FailRequests(1, 500, "/oauth2/token");
            ErrorRecord error = Assert.Single(ConnectAgain("-MaximumRetryCount 0").Errors);
            Assert.StartsWith("ExtraHop.ServerError,", error.FullyQualifiedErrorId);
            Assert.Contains("POST /oauth2/token failed with 500", error.Exception.Message);
            Assert.DoesNotContain("client credentials", error.Exception.Message);
        }

        [Fact]
        public void AHungTokenRequestIsNamedInTheTimeout()
        {
            Sim["tenant"].Faults.Hang(1, "/oauth2/token");
            ErrorRecord error = Assert.Single(ConnectAgain("-TimeoutSec 1").Errors);
            Assert.StartsWith("ExtraHop.Timeout,", error.FullyQualifiedErrorId);
            Assert.Contains("POST /oauth2/token (the access token for GET /extrahop) did not answer within 1 seconds", error.Exception.Message);
        }
    }
}
