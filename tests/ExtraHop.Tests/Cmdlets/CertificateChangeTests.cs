using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// An appliance that regenerates its certificate while upgrading comes back from the reboot with another one.
    /// The wait stops there and says how to trust the new certificate, instead of waiting out -TimeoutSec; with
    /// -AcceptNewCertificate the session is re-pinned (after the restart was seen, never at the first request),
    /// with a warning, and the wait goes on.
    /// </summary>
    public sealed class CertificateChangeTests : SimulatorTest
    {
        private const string To = "9.9.2.1234";

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.SetVariable("img", Temp.Image(To));
            Sim["eh1"].Faults.NewCertificateAfterReboot();
            // Two real seconds of downtime: on a loaded machine a 0.05 s poll still lands in it, so the wait sees
            // the restart before it meets the new certificate, as it does with a real appliance's minutes.
            Sim["eh1"].Faults.RebootDowntime = TimeSpan.FromMinutes(40);
        }

        private string Server => Sim["eh1"].Server;

        [Fact]
        public void ANewCertificateAfterTheRebootEndsTheWaitWithTheFingerprintAndHowToTrustIt()
        {
            var clock = Stopwatch.StartNew();
            PsResult result = Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -Force -PollIntervalSec 0.05 -TimeoutSec 60");
            clock.Stop();

            string presented = Sim["eh1"].CertificateSha256;
            Assert.NotEqual(Sim.CertificateSha256, presented);
            FirmwareUpgradeResult failed = result.Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.Failed, failed.Status);
            Assert.Contains($"Connect-ExtraHop -Server '{Server}' -ApiKey <key> -CertificateThumbprint '{presented}'", failed.Error);
            Assert.Contains("-AcceptNewCertificate", failed.Error);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.CertificateUntrusted,", error.FullyQualifiedErrorId);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}: it waited for the time limit");
            Assert.Equal(Sim.CertificateSha256, Shell.Invoke("(Get-EHSession).CertificateSha256").Output.Single().BaseObject);
        }

        [Fact]
        public void AcceptNewCertificateRePinsTheSessionWithAWarningAndTheUpgradeSucceeds()
        {
            PsResult result = Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -Force -PollIntervalSec 0.05 -TimeoutSec 60 -AcceptNewCertificate").AssertNoErrors();

            string presented = Sim["eh1"].CertificateSha256;
            FirmwareUpgradeResult upgraded = result.Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.Succeeded, upgraded.Status);
            Assert.Equal(To, upgraded.ToVersion);
            Assert.Contains(result.Warnings, w => w.Contains(presented, StringComparison.Ordinal) && w.Contains(Server, StringComparison.Ordinal));
            Assert.Equal(presented, Shell.Invoke("(Get-EHSession).CertificateSha256").Output.Single().BaseObject);
        }

        [Fact]
        public void WaitEHJobAcceptsANewCertificateOnlyAfterTheApplianceWasSeenRestarting()
        {
            // Another PowerShell window, connected before the upgrade: its session still pins the old certificate.
            using var other = new HostedPowerShell();
            other.Connect(Sim, Sim["eh1"]);
            ExtraHopJob job = Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -NoWait -Force").AssertNoErrors().Single<ExtraHopJob>();
            Shell.SetVariable("job", job);
            PsResult followed = Shell.Invoke("Wait-EHJob -Job $job -PollIntervalSec 0.05 -TimeoutSec 60 -AcceptNewCertificate").AssertNoErrors();
            Assert.Equal("DONE", followed.Single<ExtraHopJob>().Status);
            Assert.Contains(followed.Warnings, w => w.Contains(Sim["eh1"].CertificateSha256, StringComparison.Ordinal));

            // Its first request meets the new certificate: refused, -AcceptNewCertificate or not.
            PsResult first = other.Invoke($"Wait-EHJob -Id '{job.Id}' -PollIntervalSec 0.05 -TimeoutSec 10 -AcceptNewCertificate");
            Assert.StartsWith("ExtraHop.CertificateUntrusted,", Assert.Single(first.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(first.Warnings);
            Assert.Equal(Sim.CertificateSha256, other.Invoke("(Get-EHSession).CertificateSha256").Output.Single().BaseObject);
        }
    }
}
