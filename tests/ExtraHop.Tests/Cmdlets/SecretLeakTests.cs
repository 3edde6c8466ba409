using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>The credential must not surface anywhere a user, a log or a transcript could see it.</summary>
    public sealed class SecretLeakTests : SimulatorTest
    {
        private const string TenantSecret = "tenant-secret-VALUE-0042";

        public override async Task InitializeAsync() =>
            Sim = await Simulators.StartAsync(
                Simulators.Sensor("eh1"),
                new ApplianceOptions { Name = "tenant", ClientId = "leak-id", ClientSecret = TenantSecret });

        [Fact]
        public void ApiKeyNeverAppearsInAnyStreamEvenWithVerboseAndDebug()
        {
            string key = Sim["eh1"].ApiKey;
            Shell.SetVariable("key", Simulators.Secure(key));
            Shell.SetVariable("badkey", Simulators.Secure(key + "-wrong"));
            Sim["eh1"].Faults.FailRequests(1, 503, "/api/v1/users");
            PsResult result = Shell.Invoke($@"
                $DebugPreference = 'Continue'
                $s = Connect-ExtraHop -Server '{Sim["eh1"].Server}' -ApiKey $key -CertificateThumbprint '{Sim.CertificateSha256}' -RetryIntervalSec 0 -Verbose
                $s
                $s.ToString()
                Get-EHSystem -Verbose
                Get-EHUser -Verbose
                Get-EHUser -Name nobody -Verbose
                Connect-ExtraHop -Server '{Sim["eh1"].Server}' -ApiKey $badkey -CertificateThumbprint '{Sim.CertificateSha256}' -Verbose
                Connect-ExtraHop -Server '{Sim["eh1"].Server}' -ApiKey $key -Verbose
                Connect-ExtraHop -Server 'http://{Sim["eh1"].Server}' -ApiKey $key -Verbose
            ");

            Assert.NotEmpty(result.Verbose);
            Assert.NotEmpty(result.Errors);
            string everything = result.AllText();
            Assert.DoesNotContain(key, everything);
            Assert.DoesNotContain("apikey=", everything);
        }

        [Fact]
        public void ClientSecretAndTokensNeverAppear()
        {
            Shell.SetVariable("cred", new PSCredential("leak-id", Simulators.Secure(TenantSecret)));
            Shell.SetVariable("bad", new PSCredential("leak-id", Simulators.Secure(TenantSecret + "x")));
            PsResult result = Shell.Invoke($@"
                $DebugPreference = 'Continue'
                $s = Connect-ExtraHop -Server '{Sim["tenant"].Server}' -ClientCredential $cred -CertificateThumbprint '{Sim.CertificateSha256}' -Verbose
                $s; $s.ToString()
                Get-EHUser -Verbose
                Connect-ExtraHop -Server '{Sim["tenant"].Server}' -ClientCredential $bad -CertificateThumbprint '{Sim.CertificateSha256}' -Verbose
            ");
            Assert.NotEmpty(result.Errors);
            string everything = result.AllText();
            Assert.DoesNotContain(TenantSecret, everything);
            Assert.DoesNotContain("Bearer ", everything);
            Assert.DoesNotContain("Basic ", everything);
        }

        [Fact]
        public void SessionToStringShowsWhereNotHow()
        {
            ExtraHopSession session = Shell.Connect(Sim, Sim["eh1"]);
            Assert.Equal($"{Sim["eh1"].Server} (Sensor, 9.8.1.1000)", session.ToString());
        }
    }
}
