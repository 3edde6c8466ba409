using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    public sealed class ConnectTests : SimulatorTest
    {

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(
                Simulators.Sensor("eh1"),
                Simulators.Sensor("eh2"),
                new ApplianceOptions { Name = "tenant", Role = ExtraHop.Simulator.ApplianceRole.Sensor, ClientId = "client-1", ClientSecret = "s3cret-client-value" });
        }

        private SimulatedAppliance Eh1 => Sim["eh1"];

        [Fact]
        public void ApiKeyConnectsProvesTheConnectionAndBecomesDefault()
        {
            ExtraHopSession session = Shell.Connect(Sim, Eh1);

            Assert.Equal(Eh1.Server, session.Server);
            Assert.Equal("9.8.1.1000", session.Version);
            Assert.Equal(ExtraHop.Models.ApplianceRole.Sensor, session.Role);
            Assert.Equal(AuthKind.ApiKey, session.AuthKind);
            Assert.Equal(TlsMode.Pinned, session.TlsMode);
            Assert.True(session.IsDefault);
            Assert.Contains(Sim.RequestLog, e => e.Appliance == "eh1" && e.Path.StartsWith("/api/v1/extrahop") && e.StatusCode == 200);
            Assert.Equal(session, Shell.Invoke("Get-EHSession -Default").Single<ExtraHopSession>());
        }

        [Fact]
        public void CredentialPasswordIsTheApiKey()
        {
            Shell.SetVariable("cred", new PSCredential("ignored", Simulators.Secure(Eh1.ApiKey)));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{Eh1.Server}' -Credential $cred -CertificateThumbprint '{Sim.CertificateSha256}'").AssertNoErrors();
            Assert.Equal(AuthKind.ApiKey, result.Single<ExtraHopSession>().AuthKind);
        }

        [Fact]
        public void RevealX360ClientCredentialConnects()
        {
            Shell.SetVariable("cred", new PSCredential("client-1", Simulators.Secure("s3cret-client-value")));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{Sim["tenant"].Server}' -ClientCredential $cred -CertificateThumbprint '{Sim.CertificateSha256}'; Get-EHUser -Name admin").AssertNoErrors();
            Assert.Equal(AuthKind.RevealX360, result.Single<ExtraHopSession>().AuthKind);
            Assert.Equal("admin", result.Single<ExtraHopUser>().Username);
            Assert.Contains(Sim.RequestLog, e => e.Appliance == "tenant" && e.Path == "/oauth2/token" && e.StatusCode == 200);
        }

        [Fact]
        public void RevealX360ClientIdAndSecretConnect()
        {
            Shell.SetVariable("secret", Simulators.Secure("s3cret-client-value"));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{Sim["tenant"].Server}' -ClientId client-1 -ClientSecret $secret -CertificateThumbprint '{Sim.CertificateSha256}'").AssertNoErrors();
            Assert.Equal(AuthKind.RevealX360, result.Single<ExtraHopSession>().AuthKind);
        }

        [Fact]
        public void WrongClientSecretIsAnAuthenticationError()
        {
            Shell.SetVariable("secret", Simulators.Secure("wrong"));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{Sim["tenant"].Server}' -ClientId client-1 -ClientSecret $secret -CertificateThumbprint '{Sim.CertificateSha256}'");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.AuthenticationFailed,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        }

        [Fact]
        public void PlainKeysFromCsvRowsConnectManyWithoutChangingTheDefault()
        {
            ExtraHopSession original = Shell.Connect(Sim, Eh1);
            PsResult result = Shell.Invoke(
                "$args[0] | Connect-ExtraHop -NotDefault",
                (object)new[]
                {
                    Row(Sim["eh1"], Sim.CertificateSha256),
                    Row(Sim["eh2"], Sim.CertificateSha256),
                }).AssertNoErrors();
            Assert.Equal(2, result.Objects<ExtraHopSession>().Count());
            Assert.All(result.Objects<ExtraHopSession>(), s => Assert.False(s.IsDefault));
            // -NotDefault never moves the default, not even to a new session with the same server.
            Assert.Same(original, Shell.Invoke("Get-EHSession -Default").Output.Single().BaseObject);
            Assert.Equal(3, Shell.Invoke("Get-EHSession").Output.Count);
            Assert.Same(original, Shell.Invoke($"Get-EHSystem -Session '{Eh1.Server}'").Single<ExtraHopSystem>().Session);
        }

        private static PSObject Row(SimulatedAppliance appliance, string fingerprint)
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("Server", appliance.Server));
            row.Properties.Add(new PSNoteProperty("ApiKey", appliance.ApiKey));
            row.Properties.Add(new PSNoteProperty("CertificateThumbprint", fingerprint));
            return row;
        }

        [Fact]
        public void ConnectingAgainMakesTheNewSessionTheDefaultInPlaceOfTheOld()
        {
            Shell.Connect(Sim, Eh1);
            ExtraHopSession again = Shell.Connect(Sim, Eh1);
            Assert.Same(again, Shell.Invoke("Get-EHSession").Output.Single().BaseObject);
            Assert.True(again.IsDefault);
        }

        [Fact]
        public void UntrustedCertificateIsRefusedWithAdviceAndTheFingerprint()
        {
            Shell.SetVariable("key", Simulators.Secure(Eh1.ApiKey));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{Eh1.Server}' -ApiKey $key -MaximumRetryCount 0");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.CertificateUntrusted,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            string message = error.ErrorDetails.Message;
            Assert.Contains("-CertificateThumbprint", message);
            Assert.Contains("-SkipCertificateCheck", message);
            Assert.Contains(Sim.CertificateSha256, message);
            Assert.Empty(Shell.Invoke("Get-EHSession").Output);
        }

        [Fact]
        public void WrongPinIsRefused()
        {
            Shell.SetVariable("key", Simulators.Secure(Eh1.ApiKey));
            string wrong = string.Join(":", Enumerable.Repeat("AB", 32));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{Eh1.Server}' -ApiKey $key -CertificateThumbprint '{wrong}'");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.CertificateUntrusted,", error.FullyQualifiedErrorId);
            Assert.Contains("does not match the pinned", error.ErrorDetails.Message);
        }

        [Fact]
        public void PinAcceptsColonSeparatedLowercaseFingerprints()
        {
            Shell.SetVariable("key", Simulators.Secure(Eh1.ApiKey));
            string pretty = string.Join(":", Enumerable.Range(0, 32).Select(i => Sim.CertificateSha256.Substring(i * 2, 2))).ToLowerInvariant();
            Shell.Invoke($"Connect-ExtraHop -Server '{Eh1.Server}' -ApiKey $key -CertificateThumbprint '{pretty}'").AssertNoErrors();
        }

        [Fact]
        public void SkipCertificateCheckConnectsAndWarns()
        {
            Shell.SetVariable("key", Simulators.Secure(Eh1.ApiKey));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server 'https://{Eh1.Server}/api/v1' -ApiKey $key -SkipCertificateCheck").AssertNoErrors();
            Assert.Equal(TlsMode.Skipped, result.Single<ExtraHopSession>().TlsMode);
            Assert.Contains(result.Warnings, w => w.Contains("Certificate checks are off"));
        }

        [Fact]
        public void BadKeyIsAnAuthenticationErrorWithAStableId()
        {
            Shell.SetVariable("key", Simulators.Secure("not-the-key"));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{Eh1.Server}' -ApiKey $key -CertificateThumbprint '{Sim.CertificateSha256}'");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("ExtraHop.AuthenticationFailed,ExtraHop.Commands.ConnectExtraHopCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal(401, (int)((ExtraHopApiException)error.Exception).StatusCode!.Value);
        }

        [Fact]
        public void PlainHttpIsRefusedBeforeAnythingIsSent()
        {
            Shell.SetVariable("key", Simulators.Secure(Eh1.ApiKey));
            Sim.ResetStatistics();
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server 'http://{Eh1.Server}' -ApiKey $key");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Contains("-AllowUnencryptedAuthentication", error.Exception.Message);
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void ProxyIsUsedForTheConnection()
        {
            // The appliance itself is reachable; only going through the (dead) proxy can make the connect fail.
            Shell.SetVariable("key", Simulators.Secure(Eh1.ApiKey));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{Eh1.Server}' -ApiKey $key -CertificateThumbprint '{Sim.CertificateSha256}' -Proxy 'http://127.0.0.1:9' -MaximumRetryCount 0 -TimeoutSec 5");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.ConnectionFailed,", error.FullyQualifiedErrorId);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Appliance == "eh1");
        }

        [Fact]
        public void SkipAndPinTogetherIsRefused()
        {
            Shell.SetVariable("key", Simulators.Secure(Eh1.ApiKey));
            PsResult result = Shell.Invoke($"Connect-ExtraHop -Server '{Eh1.Server}' -ApiKey $key -SkipCertificateCheck -CertificateThumbprint '{Sim.CertificateSha256}'");
            Assert.StartsWith("ExtraHop.InvalidArgument,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void DisconnectClosesAndClearsTheDefault()
        {
            ExtraHopSession session = Shell.Connect(Sim, Eh1);
            Shell.Invoke("Disconnect-ExtraHop").AssertNoErrors();
            Assert.False(session.IsConnected);
            Assert.Empty(Shell.Invoke("Get-EHSession").Output);
            PsResult after = Shell.Invoke("Get-EHSystem");
            Assert.StartsWith("ExtraHop.NoDefaultSession,", Assert.Single(after.AllErrors).FullyQualifiedErrorId);
            Shell.SetVariable("old", session);
            Assert.StartsWith("ExtraHop.SessionClosed,", Assert.Single(Shell.Invoke("Get-EHSystem -Session $old").AllErrors).FullyQualifiedErrorId);
        }
    }
}
