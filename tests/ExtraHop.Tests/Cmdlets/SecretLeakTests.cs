using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>The credential must not surface anywhere a user, a log or a transcript could see it.</summary>
    public sealed class SecretLeakTests : IAsyncLifetime
    {
        private const string TenantSecret = "tenant-secret-VALUE-0042";
        private SimulatorHost sim = null!;
        private readonly HostedPowerShell shell = new HostedPowerShell();

        public async Task InitializeAsync() =>
            sim = await Simulators.StartAsync(
                Simulators.Sensor("eh1"),
                new ApplianceOptions { Name = "tenant", ClientId = "leak-id", ClientSecret = TenantSecret });

        public async Task DisposeAsync()
        {
            shell.Dispose();
            await sim.DisposeAsync();
        }

        [Fact]
        public void ApiKeyNeverAppearsInAnyStreamEvenWithVerboseAndDebug()
        {
            string key = sim["eh1"].ApiKey;
            shell.SetVariable("key", Simulators.Secure(key));
            shell.SetVariable("badkey", Simulators.Secure(key + "-wrong"));
            sim["eh1"].Faults.FailRequests(1, 503, "/api/v1/users");
            PsResult result = shell.Invoke($@"
                $DebugPreference = 'Continue'
                $s = Connect-ExtraHop -Server '{sim["eh1"].Server}' -ApiKey $key -CertificateThumbprint '{sim.CertificateSha256}' -RetryIntervalSec 0 -Verbose
                $s
                $s.ToString()
                Get-EHSystem -Verbose
                Get-EHUser -Verbose
                Get-EHUser -Name nobody -Verbose
                Connect-ExtraHop -Server '{sim["eh1"].Server}' -ApiKey $badkey -CertificateThumbprint '{sim.CertificateSha256}' -Verbose
                Connect-ExtraHop -Server '{sim["eh1"].Server}' -ApiKey $key -Verbose
                Connect-ExtraHop -Server 'http://{sim["eh1"].Server}' -ApiKey $key -Verbose
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
            shell.SetVariable("cred", new PSCredential("leak-id", Simulators.Secure(TenantSecret)));
            shell.SetVariable("bad", new PSCredential("leak-id", Simulators.Secure(TenantSecret + "x")));
            PsResult result = shell.Invoke($@"
                $DebugPreference = 'Continue'
                $s = Connect-ExtraHop -Server '{sim["tenant"].Server}' -ClientCredential $cred -CertificateThumbprint '{sim.CertificateSha256}' -Verbose
                $s; $s.ToString()
                Get-EHUser -Verbose
                Connect-ExtraHop -Server '{sim["tenant"].Server}' -ClientCredential $bad -CertificateThumbprint '{sim.CertificateSha256}' -Verbose
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
            ExtraHopSession session = shell.Connect(sim, sim["eh1"]);
            Assert.Equal($"{sim["eh1"].Server} (Sensor, 9.8.1.1000)", session.ToString());
        }
    }
}
