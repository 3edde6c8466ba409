using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>Get-EHUserLock and Unlock-EHUser on a 9.9 appliance, and the clear error on 9.0 firmware that predates them.</summary>
    public sealed class UserLockTests : SimulatorTest
    {
        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh99", "9.9.2.1234"), Simulators.Sensor("eh90", "9.0.1.100"));
            Shell.Connect(Sim, Sim["eh99"]);
            Shell.Connect(Sim, Sim["eh90"], "-NotDefault");
            Shell.SetVariable("wrongPw", Simulators.Secure("wrong"));
            Shell.SetVariable("setupPw", Simulators.Secure(Sim["eh99"].SetupPassword));
        }

        private string Target => $"-Server '{Sim["eh99"].Server}' -CertificateThumbprint '{Sim.CertificateSha256}'";

        [Fact]
        public void TheLockedSetupAccountIsShownAndUnlockedAndThenItsPasswordWorks()
        {
            Shell.Invoke($"1..5 | ForEach-Object {{ New-EHApiKey {Target} -SetupPassword $wrongPw -ErrorAction SilentlyContinue }}");
            Assert.True(Sim["eh99"].IsLocked("setup"));

            PsResult result = Shell.Invoke($@"
                Get-EHUserLock setup
                Unlock-EHUser setup -PassThru
                New-EHApiKey {Target} -SetupPassword $setupPw").AssertNoErrors();

            var states = result.Objects<ExtraHopUserLock>().ToList();
            Assert.Equal(new bool?[] { true, false }, states.Select(s => s.Locked));
            Assert.Equal(5, states[0].FailedLoginAttempts);
            Assert.All(states, s => Assert.Equal(("setup", Sim["eh99"].Server), (s.Username, s.Server)));
            Assert.Single(result.Objects<System.Security.SecureString>());
            Assert.False(Sim["eh99"].IsLocked("setup"));
        }

        [Fact]
        public void FirmwareThatPredatesTheLockOperationsGetsAnErrorNamingTheVersionThatAddedThem()
        {
            PsResult result = Shell.Invoke("Get-EHUserLock setup -Session $args[0]; Unlock-EHUser setup -Session $args[0]", Sim["eh90"].Server);

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.StartsWith("ExtraHop.NotSupportedByFirmware,", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.NotImplemented, e.CategoryInfo.Category);
                Assert.Contains("came with firmware 9.9", e.Exception.Message);
                Assert.Contains("runs 9.0.1.100", e.Exception.Message);
            });
        }

        [Fact]
        public void OnCurrentFirmwareAnUnknownUserIsNotFoundAndOtherUsersStillCome()
        {
            PsResult result = Shell.Invoke("'nobody', 'admin' | Get-EHUserLock");

            Assert.Equal("admin", result.Single<ExtraHopUserLock>().Username);
            Assert.StartsWith("ExtraHop.NotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void UnlockWhatIfSendsNothingAndPipedUsersAreRead()
        {
            PsResult result = Shell.Invoke("Unlock-EHUser setup -WhatIf; Get-EHUser -Name admin, auditor | Get-EHUserLock").AssertNoErrors();

            Assert.Equal(new[] { "admin", "auditor" }, result.Objects<ExtraHopUserLock>().Select(l => l.Username));
            Assert.Contains(Shell.Host.TestUI.Written, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("user 'setup'"));
            Assert.DoesNotContain(Sim.RequestLog, e => e.Method == "DELETE");
        }
    }
}
