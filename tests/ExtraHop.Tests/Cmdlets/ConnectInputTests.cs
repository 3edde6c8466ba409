using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// What Connect-ExtraHop does with input it cannot use: credentials that cannot go into a header, out-of-range
    /// numbers, proxies and servers that are not addresses, and hosts that cannot be reached. Each gets a clear,
    /// specific error at once, and nothing reaches the appliance.
    /// </summary>
    public sealed class ConnectInputTests : SimulatorTest
    {
        public override async Task InitializeAsync() =>
            Sim = await Simulators.StartAsync(
                Simulators.Sensor("eh1"),
                new ApplianceOptions { Name = "tenant", Role = ExtraHop.Simulator.ApplianceRole.Sensor, ClientId = "client-1", ClientSecret = "s3cret" });

        private SimulatedAppliance Eh1 => Sim["eh1"];

        private PsResult ConnectWithKey(string key, string extra = "")
        {
            Shell.SetVariable("key", Simulators.Secure(key));
            return Shell.Invoke($"Connect-ExtraHop -Server '{Eh1.Server}' -ApiKey $key -CertificateThumbprint '{Sim.CertificateSha256}' {extra}");
        }

        private static ErrorRecord SingleError(PsResult result, string errorId)
        {
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
            return error;
        }

        [Fact]
        public async Task AnApiKeyWithALineBreakIsRefusedBeforeAnyHeaderIsSent()
        {
            PsResult result = ConnectWithKey(Eh1.ApiKey + "\r\nX-Evil: 1");

            ErrorRecord error = SingleError(result, "ExtraHop.InvalidArgument");
            Assert.Contains("API key", error.Exception.Message);
            Assert.Contains("line break", error.Exception.Message);
            Assert.DoesNotContain(Eh1.ApiKey, result.AllText());
            Assert.Empty(await Sim.SettledRequestLogAsync());
            Assert.Empty(Shell.Invoke("Get-EHSession").Output);
        }

        [Fact]
        public async Task ANonAsciiApiKeyIsRefusedAtOnceNotRetriedAsANetworkFailure()
        {
            var clock = Stopwatch.StartNew();
            PsResult result = ConnectWithKey(Eh1.ApiKey + "\u00e9");

            ErrorRecord error = SingleError(result, "ExtraHop.InvalidArgument");
            Assert.Contains("outside ASCII", error.Exception.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.Empty(await Sim.SettledRequestLogAsync());
        }

        [Theory]
        [InlineData("-ClientId \"client-1`r`nX-Evil: 1\" -ClientSecret $secret", "client ID")]
        [InlineData("-ClientId client-1 -ClientSecret $badSecret", "client secret")]
        public async Task RevealX360CredentialsWithControlCharactersAreRefused(string credentials, string named)
        {
            Shell.SetVariable("secret", Simulators.Secure("s3cret"));
            Shell.SetVariable("badSecret", Simulators.Secure("s3cret\n"));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{Sim["tenant"].Server}' {credentials} -CertificateThumbprint '{Sim.CertificateSha256}'");

            Assert.Contains(named, SingleError(result, "ExtraHop.InvalidArgument").Exception.Message);
            Assert.Empty(await Sim.SettledRequestLogAsync());
        }

        [Fact]
        public void AProxyPasswordWithAControlCharacterIsRefused()
        {
            Shell.SetVariable("proxyCred", new PSCredential("proxyuser", Simulators.Secure("pa\nss")));
            PsResult result = ConnectWithKey(Eh1.ApiKey, "-Proxy http://127.0.0.1:9 -ProxyCredential $proxyCred");
            Assert.Contains("-ProxyCredential password", SingleError(result, "ExtraHop.InvalidArgument").Exception.Message);
        }

        [Theory]
        [InlineData("ftp://p:21", "scheme 'ftp'")]
        [InlineData("proxy", "not a complete address")]
        [InlineData("http://user:pw@proxy:8080", "-ProxyCredential")]
        public void AProxyThatIsNotAProxyAddressIsAnInvalidArgumentNamingTheParameter(string proxy, string expected)
        {
            PsResult result = ConnectWithKey(Eh1.ApiKey, $"-Proxy '{proxy}'");
            ErrorRecord error = SingleError(result, "ExtraHop.InvalidArgument");
            Assert.Contains("-Proxy", error.Exception.Message);
            Assert.Contains(expected, error.Exception.Message);
            Assert.DoesNotContain("pw", error.Exception.Message);
        }

        [Fact]
        public void TimeoutSecBeyondItsRangeIsAParameterErrorNotARawException()
        {
            PsResult result = ConnectWithKey(Eh1.ApiKey, "-TimeoutSec ([int]::MaxValue)");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith("ParameterArgumentValidationError,", error.FullyQualifiedErrorId);
            Assert.Contains("TimeoutSec", error.Exception.Message);
        }

        [Fact]
        public async Task PortZeroIsRefusedAtOnce()
        {
            Shell.SetVariable("key", Simulators.Secure(Eh1.ApiKey));
            var clock = Stopwatch.StartNew();
            PsResult result = Shell.Invoke("Connect-ExtraHop -Server 'localhost:0' -ApiKey $key");
            Assert.Contains("port 0", SingleError(result, "ExtraHop.InvalidArgument").Exception.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.Empty(await Sim.SettledRequestLogAsync());
        }

        [Fact]
        public void APathAfterTheHostIsReportedUnlessItIsTheApiBase()
        {
            Shell.SetVariable("key", Simulators.Secure(Eh1.ApiKey));
            string connect = $"Connect-ExtraHop -ApiKey $key -CertificateThumbprint '{Sim.CertificateSha256}' -Server";

            PsResult page = Shell.Invoke($"{connect} 'https://{Eh1.Server}/extrahop/#/Upgrade'").AssertNoErrors();
            Assert.Contains(page.Warnings, w => w.Contains("'/extrahop/#/Upgrade'") && w.Contains("is not used"));

            PsResult apiBase = Shell.Invoke($"{connect} 'https://{Eh1.Server}/api/v1/'").AssertNoErrors();
            Assert.Empty(apiBase.Warnings);
        }

        [Fact]
        public async Task ARefusedConnectionFailsAtOnceWithoutRetries()
        {
            string server = Eh1.Server;
            await Sim.DisposeAsync();
            Sim = null!;

            var clock = Stopwatch.StartNew();
            Shell.SetVariable("key", Simulators.Secure("any-key"));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{server}' -ApiKey $key -SkipCertificateCheck -MaximumRetryCount 3 -RetryIntervalSec 2");

            ErrorRecord error = SingleError(result, "ExtraHop.ConnectionFailed");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
            Assert.DoesNotContain("Tried", error.Exception.Message);
        }

        [Fact]
        public void AnUnresolvableHostFailsAtOnceWithoutRetries()
        {
            var clock = Stopwatch.StartNew();
            Shell.SetVariable("key", Simulators.Secure("any-key"));
            PsResult result = Shell.Invoke("Connect-ExtraHop -Server 'no-such-appliance.invalid' -ApiKey $key -MaximumRetryCount 3 -RetryIntervalSec 2 -TimeoutSec 10");

            SingleError(result, "ExtraHop.ConnectionFailed");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        }
    }
}
