using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>The first API key of a new appliance: Connect-ExtraHop -SetupPassword, New-EHApiKey -SetupPassword, and the lockout.</summary>
    public sealed class SetupKeyTests : SimulatorTest
    {
        private SimulatedAppliance Fresh => Sim["new-eda"];

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("new-eda", "9.9.2.1234"));
            Shell.SetVariable("setupPw", Simulators.Secure(Fresh.SetupPassword));
            Shell.SetVariable("wrongPw", Simulators.Secure("not-the-password"));
        }

        private string Target => $"-Server '{Fresh.Server}' -CertificateThumbprint '{Sim.CertificateSha256}'";

        [Fact]
        public void ConnectWithTheSetupPasswordCreatesTheSetupKeyAndConnectsWithIt()
        {
            PsResult result = Shell.Invoke($@"
                $s = Connect-ExtraHop {Target} -SetupPassword $setupPw -Verbose
                $s
                Get-EHApiKey").AssertNoErrors();

            ExtraHopSession session = result.Single<ExtraHopSession>();
            Assert.Equal((AuthKind.ApiKey, true), (session.AuthKind, session.IsDefault));
            ExtraHopApiKey key = result.Objects<ExtraHopApiKey>().Single(k => k.Username == "setup");
            Assert.Equal("Initial setup key", key.Description);
            Assert.StartsWith("************", key.Key);
            Assert.Equal(new[] { "POST /api/v1/apikeys 201", "GET /api/v1/extrahop 200", "GET /api/v1/apikeys 200" },
                Sim.RequestLog.Select(e => $"{e.Method} {e.Path} {e.StatusCode}"));
            Assert.Contains(result.Verbose, line => line.Contains("setup password", StringComparison.Ordinal));
            Assert.DoesNotContain(Fresh.SetupPassword, result.AllText());
        }

        [Fact]
        public void NewApiKeyReturnsTheKeyOnlyAsASecureStringThatWorks()
        {
            PsResult result = Shell.Invoke($@"
                $DebugPreference = 'Continue'
                $key = New-EHApiKey {Target} -SetupPassword $setupPw -Verbose
                $key
                Connect-ExtraHop {Target} -ApiKey $key | Out-Null
                Get-EHSystem").AssertNoErrors();

            SecureString key = result.Single<SecureString>();
            string text = new NetworkCredential(string.Empty, key).Password;
            Assert.Equal(40, text.Length);
            Assert.Equal("new-eda", result.Single<ExtraHopSystem>().Hostname);
            Assert.DoesNotContain(text, result.AllText());
            Assert.DoesNotContain(Sim.RequestLog, e => e.ToString().Contains(text, StringComparison.Ordinal) || e.ToString().Contains(Fresh.SetupPassword, StringComparison.Ordinal));

            // The appliance makes the setup user's first key only; a second request is its BadRequest, not a new key.
            ErrorRecord again = Assert.Single(Shell.Invoke($"New-EHApiKey {Target} -SetupPassword $setupPw").Errors);
            Assert.StartsWith("ExtraHop.BadRequest,", again.FullyQualifiedErrorId);
        }

        [Fact]
        public void AWrongPasswordSaysTheAccountLocksAndIsNeverSentTwice()
        {
            PsResult result = Shell.Invoke($"New-EHApiKey {Target} -SetupPassword $wrongPw -Verbose");

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.AuthenticationFailed,", error.FullyQualifiedErrorId);
            Assert.Contains("locks the setup account after repeated failed attempts", error.Exception.Message);
            Assert.Contains("did not try again", error.Exception.Message);
            Assert.Equal(new[] { "POST /api/v1/apikeys 401" }, Sim.RequestLog.Select(e => $"{e.Method} {e.Path} {e.StatusCode}"));
            Assert.Empty(result.Output);
        }

        [Fact]
        public void RepeatedWrongPasswordsLockTheSetupAccountUntilItIsUnlocked()
        {
            for (int attempt = 1; attempt <= 5; attempt++)
            {
                Assert.StartsWith("ExtraHop.AuthenticationFailed,", Assert.Single(Shell.Invoke($"Connect-ExtraHop {Target} -SetupPassword $wrongPw").Errors).FullyQualifiedErrorId);
            }
            Assert.True(Fresh.IsLocked("setup"));

            ErrorRecord locked = Assert.Single(Shell.Invoke($"Connect-ExtraHop {Target} -SetupPassword $setupPw").Errors);
            Assert.StartsWith("ExtraHop.PermissionDenied,", locked.FullyQualifiedErrorId);
            Assert.Contains("setup account is locked", locked.Exception.Message);
            Assert.Contains("Unlock-EHUser setup", locked.Exception.Message);
            Assert.Equal(6, Sim.RequestLog.Count);
            Assert.Empty(Shell.Invoke("Get-EHSession").Output);
        }

        [Fact]
        public void APlainStringSetupPasswordIsRefusedAndNothingIsSent()
        {
            PsResult result = Shell.Invoke($@"
                Connect-ExtraHop {Target} -SetupPassword 'plain-text-pw'
                New-EHApiKey {Target} -SetupPassword 'plain-text-pw'");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("ExtraHop.PlainTextPassword,", e.FullyQualifiedErrorId));
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void WhatIfCreatesNoKey()
        {
            Shell.Invoke($"New-EHApiKey {Target} -SetupPassword $setupPw -WhatIf").AssertNoErrors();

            Assert.Contains(Shell.Host.TestUI.Written, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains(Fresh.Server));
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void PlainHttpIsRefusedForTheSetupPasswordToo()
        {
            ErrorRecord error = Assert.Single(Shell.Invoke($"New-EHApiKey -Server 'http://{Fresh.Server}' -SetupPassword $setupPw").Errors);

            Assert.StartsWith("ExtraHop.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Contains("unencrypted", error.Exception.Message);
            Assert.Empty(Sim.RequestLog);
        }
    }
}
