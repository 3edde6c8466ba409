using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;
using SimNodeKind = ExtraHop.Simulator.RecordstoreNodeKind;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Admin scripts start with $ErrorActionPreference = 'Stop' and keep the results: `$r = Invoke-EHFirmwareUpgrade`.
    /// What went wrong with one appliance (or with ingest afterwards) must neither stop the others nor cost the
    /// script a single result; it is in the results, and loud as warnings.
    /// </summary>
    public sealed class FleetUnderStopTests : SimulatorTest
    {
        private const string To = "9.9.2.1234";
        private const string StopAndKeepResults = "$ErrorActionPreference = 'Stop'; $r = @({0}); $r";

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(
                Simulators.Sensor("eh1"),
                Simulators.Sensor("eh2"),
                Simulators.Sensor("eh3"),
                Simulators.Recordstore("rs1", "rsc1", SimNodeKind.Manager),
                Simulators.Recordstore("rs2", "rsc1", SimNodeKind.Data));
            Shell.SetVariable("img", Temp.Image(To));
        }

        /// <summary>A loopback port nothing listens on: connecting to it is refused.</summary>
        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private PSObject Row(string server, string apiKey)
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("Server", server));
            row.Properties.Add(new PSNoteProperty("ApiKey", apiKey));
            row.Properties.Add(new PSNoteProperty("CertificateThumbprint", Sim.CertificateSha256));
            return row;
        }

        [Fact]
        public void UnderStopAnUnreachableRowAndAFailedApplianceStopNothingAndEveryResultIsKept()
        {
            string unreachable = "127.0.0.1:" + ClosedPort();
            Shell.SetVariable("rows", new[] { Row(Sim["eh1"].Server, Sim["eh1"].ApiKey), Row(unreachable, "not-a-real-key"), Row(Sim["eh2"].Server, Sim["eh2"].ApiKey), Row(Sim["eh3"].Server, Sim["eh3"].ApiKey) });
            Sim["eh2"].Faults.FailJobAtStep(3, "configuration migration failed: disk full");

            PsResult result = Shell.Invoke(string.Format(StopAndKeepResults, "$rows | Invoke-EHFirmwareUpgrade -Path $img -Force -PollIntervalSec 0.05"));

            Assert.Empty(result.AllErrors);
            var results = result.Objects<FirmwareUpgradeResult>().ToDictionary(r => r.Server);
            Assert.Equal(4, results.Count);
            Assert.Equal(UpgradeStatus.Succeeded, results[Sim["eh1"].Server].Status);
            Assert.Equal(UpgradeStatus.Succeeded, results[Sim["eh3"].Server].Status);
            Assert.Equal(To, Sim["eh1"].CurrentVersion);
            Assert.Equal(To, Sim["eh3"].CurrentVersion);
            Assert.Equal(UpgradeStatus.Failed, results[unreachable].Status);
            Assert.StartsWith("Could not connect", results[unreachable].Error);
            Assert.Equal(UpgradeStatus.Failed, results[Sim["eh2"].Server].Status);
            Assert.Contains("disk full", results[Sim["eh2"].Server].Error);

            // Loud: one warning per failure, naming the appliance and the ErrorId, and a summary last.
            Assert.Contains(result.Warnings, w => w.StartsWith(unreachable + ":", StringComparison.Ordinal) && w.Contains("[ExtraHop.ConnectionFailed", StringComparison.Ordinal));
            Assert.Contains(result.Warnings, w => w.StartsWith(Sim["eh2"].Server + ":", StringComparison.Ordinal) && w.Contains("[ExtraHop.JobFailed", StringComparison.Ordinal));
            string summary = result.Warnings.Last();
            Assert.StartsWith("2 of 4 appliances were not upgraded", summary);
            Assert.Contains(unreachable + " (Failed)", summary);
            Assert.Contains(Sim["eh2"].Server + " (Failed)", summary);
        }

        [Fact]
        public void WithoutStopTheSameFailuresAreNonTerminatingErrorsBesideEveryResult()
        {
            string unreachable = "127.0.0.1:" + ClosedPort();
            Shell.SetVariable("rows", new[] { Row(Sim["eh1"].Server, Sim["eh1"].ApiKey), Row(unreachable, "not-a-real-key") });

            PsResult result = Shell.Invoke("$r = $rows | Invoke-EHFirmwareUpgrade -Path $img -Force -PollIntervalSec 0.05; $r");

            Assert.Equal(2, result.Objects<FirmwareUpgradeResult>().Count());
            Assert.Null(result.Terminating);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.ConnectionFailed,", error.FullyQualifiedErrorId);
            Assert.StartsWith("1 of 2 appliances were not upgraded", result.Warnings.Last());
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void IngestThatCannotBeReEnabledIsReportedWithoutLosingAnyResult(bool stop)
        {
            foreach (string name in new[] { "eh1", "rs1", "rs2" }) Shell.Connect(Sim, Sim[name], "-NotDefault");
            Shell.Invoke("$all = Get-EHSession").AssertNoErrors();
            foreach (string node in new[] { "rs1", "rs2" }) Sim[node].Faults.FailIngestEnable(1000);
            string upgrade = $"Invoke-EHFirmwareUpgrade -Session $all -Version {To} -Force -PollIntervalSec 0.05 -IngestRestoreTimeoutSec 2";

            PsResult result = Shell.Invoke(stop ? string.Format(StopAndKeepResults, upgrade) : $"$r = {upgrade}; $r");

            var results = result.Objects<FirmwareUpgradeResult>().ToDictionary(r => r.Server);
            Assert.Equal(3, results.Count);
            Assert.All(results.Values, r => Assert.Equal(UpgradeStatus.Succeeded, r.Status));
            Assert.Null(results[Sim["eh1"].Server].IngestRestored);
            foreach (string node in new[] { "rs1", "rs2" })
            {
                Assert.False(results[Sim[node].Server].IngestRestored);
                Assert.StartsWith("HALTED AND NOT RE-ENABLED", results[Sim[node].Server].IngestAction);
            }
            Assert.False(Sim["rs1"].IngestEnabled);

            if (stop)
            {
                Assert.Empty(result.AllErrors);
                Assert.Contains(result.Warnings, w => w.Contains("[ExtraHop.IngestNotRestored", StringComparison.Ordinal));
            }
            else
            {
                Assert.Null(result.Terminating);
                ErrorRecord error = Assert.Single(result.Errors);
                Assert.StartsWith("ExtraHop.IngestNotRestored,", error.FullyQualifiedErrorId);
                Assert.Contains("rsc1", error.Exception.Message);
            }
            // Whatever the preference, the last line says what to do, with the exact command.
            string last = result.Warnings.Last();
            Assert.Contains("recordstore cluster rsc1 is still OFF", last);
            Assert.Contains("Set-EHClusterIngest -Enabled $true -Session '", last);
        }
    }
}
