using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;
using SimRole = ExtraHop.Simulator.ApplianceRole;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Get-EHHealthReport against a simulated deployment where each appliance has one thing wrong: what the nightly
    /// task reads (Status, Findings, ExitCode) must name it, at the thresholds given, and the report must come out
    /// whole whatever the appliances do, under $ErrorActionPreference = 'Stop' too.
    /// </summary>
    public sealed class HealthReportTests : SimulatorTest
    {
        private const string ConsoleVersion = "9.9.2.1234";

        public override async Task InitializeAsync()
        {
            var stopped = Simulators.Sensor("eh4", ConsoleVersion);
            stopped.LicenseExpiresInDays = null;
            stopped.StoppedProcesses.Add("exalerts");
            stopped.StoppedProcesses.Add("exremote");
            var lagging = new ApplianceOptions { Name = "eh2", Role = SimRole.Sensor, Version = "9.8.1.1000", CertificateLifetime = TimeSpan.FromDays(10), LicenseExpiresInDays = 12.5 };
            lagging.JobHistory.Add(new PastJob { Status = "FAILED", Details = "configuration migration failed: disk full", EndedAgo = TimeSpan.FromHours(2) });
            lagging.JobHistory.Add(new PastJob { Status = "TIMEOUT", Details = "an old failure", EndedAgo = TimeSpan.FromDays(3) });
            lagging.JobHistory.Add(new PastJob { Status = "DONE", Details = null, EndedAgo = TimeSpan.FromHours(1) });
            Sim = await Simulators.StartAsync(
                new ApplianceOptions { Name = "ec1", Role = SimRole.Console, Version = ConsoleVersion },
                new ApplianceOptions
                {
                    Name = "ec2", Role = SimRole.Console, Version = "9.9.1.1000",
                    ConnectedAppliances = new List<ConnectedApplianceOptions>
                    {
                        new ConnectedApplianceOptions { Hostname = "eda01.example.com", Role = SimRole.Sensor },
                        new ConnectedApplianceOptions { Hostname = "eda02.example.com", Role = SimRole.Sensor, Version = ConsoleVersion },
                    },
                },
                Simulators.Sensor("eh1", ConsoleVersion),
                lagging,
                new ApplianceOptions { Name = "eh3", Role = SimRole.Sensor, Version = "9.9.3.2000", CertificateLifetime = TimeSpan.FromDays(-2), LicenseExpiresInDays = -3.5 },
                stopped,
                new ApplianceOptions { Name = "rs1", Role = SimRole.Recordstore, Version = ConsoleVersion, ClusterName = "rsc1", NodeKind = Simulator.RecordstoreNodeKind.Manager, IngestEnabled = false });
        }

        /// <summary>Connects without changing the default session, pinning the certificate the appliance serves, into $name.</summary>
        private ExtraHopSession Connect(string name)
        {
            SimulatedAppliance appliance = Sim[name];
            Shell.SetVariable("ehTestKey", Simulators.Secure(appliance.ApiKey));
            return Shell.Invoke(
                $"$global:{name} = Connect-ExtraHop -Server '{appliance.Server}' -ApiKey $ehTestKey -CertificateThumbprint '{appliance.CertificateSha256}' -RetryIntervalSec 0 -NotDefault; ${name}")
                .AssertNoErrors().Single<ExtraHopSession>();
        }

        private ExtraHopHealthReport ReportOf(string name, string parameters = "")
        {
            Connect(name);
            return Shell.Invoke($"Get-EHHealthReport -Session ${name} {parameters}").AssertNoErrors().Single<ExtraHopHealthReport>();
        }

        private static ExtraHopHealthFinding Only(ExtraHopHealthReport report, HealthCheck check) => Assert.Single(report.Findings, f => f.Check == check);

        [Fact]
        public void AHealthyApplianceIsOkAndListsWhatWasChecked()
        {
            ExtraHopHealthReport report = ReportOf("eh1");

            Assert.Equal(HealthStatus.OK, report.Status);
            Assert.Equal(0, report.ExitCode);
            Assert.Equal(Sim["eh1"].Server, report.Server);
            Assert.Equal(ExtraHop.Models.ApplianceRole.Sensor, report.Role);
            Assert.Equal(ConsoleVersion, report.Version);
            Assert.Equal(new[] { HealthCheck.Reachability, HealthCheck.Certificate, HealthCheck.License, HealthCheck.Jobs, HealthCheck.Processes, HealthCheck.CloudServices }, report.Findings.Select(f => f.Check));
            Assert.All(report.Findings, f => Assert.Equal(HealthStatus.OK, f.Severity));
            Assert.All(report.Findings, f => Assert.Equal(Sim["eh1"].Server, f.Server));
            Assert.Equal(364, Only(report, HealthCheck.Certificate).Value);
            Assert.Equal("All 6 checks passed.", report.Summary);
        }

        [Fact]
        public void ACertificateExpiringWithinTheThresholdIsAWarningAndTheThresholdMovesIt()
        {
            ExtraHopHealthFinding soon = Only(ReportOf("eh2"), HealthCheck.Certificate);
            Assert.Equal(HealthStatus.Warning, soon.Severity);
            Assert.Equal(9, soon.Value);
            Assert.Contains("in 9 days", soon.Message);

            ExtraHopHealthReport relaxed = Shell.Invoke("Get-EHHealthReport -Session $eh2 -CertificateWarningDays 5").AssertNoErrors().Single<ExtraHopHealthReport>();
            Assert.Equal(HealthStatus.OK, Only(relaxed, HealthCheck.Certificate).Severity);
        }

        [Fact]
        public void AnExpiredCertificateIsCriticalEvenWithAZeroThreshold()
        {
            ExtraHopHealthReport report = ReportOf("eh3", "-CertificateWarningDays 0");
            ExtraHopHealthFinding expired = Only(report, HealthCheck.Certificate);
            Assert.Equal(HealthStatus.Critical, expired.Severity);
            Assert.StartsWith("Expired ", expired.Message);
            Assert.True((int)expired.Value! < 0);
            Assert.Equal(HealthStatus.Critical, report.Status);
            Assert.Equal(2, report.ExitCode);
        }

        [Fact]
        public void ALicenseExpiringWithinTheThresholdIsAWarningAnExpiredOneCriticalAndOneWithoutEndPasses()
        {
            ExtraHopHealthFinding soon = Only(ReportOf("eh2"), HealthCheck.License);
            Assert.Equal(HealthStatus.Warning, soon.Severity);
            Assert.Equal(12, soon.Value);
            Assert.Contains("(in 12 days)", soon.Message);
            ExtraHopHealthReport relaxed = Shell.Invoke("Get-EHHealthReport -Session $eh2 -LicenseWarningDays 10").AssertNoErrors().Single<ExtraHopHealthReport>();
            Assert.Equal(HealthStatus.OK, Only(relaxed, HealthCheck.License).Severity);

            ExtraHopHealthFinding expired = Only(ReportOf("eh3"), HealthCheck.License);
            Assert.Equal(HealthStatus.Critical, expired.Severity);
            Assert.Equal(-4, expired.Value);
            Assert.Contains("Expired", expired.Message);

            ExtraHopHealthFinding endless = Only(ReportOf("eh4"), HealthCheck.License);
            Assert.Equal(HealthStatus.OK, endless.Severity);
            Assert.EndsWith("no expiry.", endless.Message);
        }

        [Fact]
        public void IngestOffOnARecordstoreIsCriticalAndNamesTheCluster()
        {
            ExtraHopHealthReport report = ReportOf("rs1");
            ExtraHopHealthFinding ingest = Only(report, HealthCheck.Ingest);
            Assert.Equal(HealthStatus.Critical, ingest.Severity);
            Assert.Contains("rsc1", ingest.Message);
            Assert.Equal(false, ingest.Value);
            Assert.Contains("Ingest: Record ingest is off", report.Summary);

            Shell.Invoke("Set-EHClusterIngest -Session $rs1 -Enabled $true -Force").AssertNoErrors();
            ExtraHopHealthReport after = Shell.Invoke("Get-EHHealthReport -Session $rs1").AssertNoErrors().Single<ExtraHopHealthReport>();
            Assert.Equal(HealthStatus.OK, Only(after, HealthCheck.Ingest).Severity);
            Assert.Equal(HealthStatus.OK, after.Status);
        }

        [Fact]
        public void AJobFailedInTheLastDayIsAWarningAndTheLookBackReachesOlderOnes()
        {
            ExtraHopHealthReport report = ReportOf("eh2");
            ExtraHopHealthFinding failed = Only(report, HealthCheck.Jobs);
            Assert.Equal(HealthStatus.Warning, failed.Severity);
            Assert.Contains("ended FAILED " + DateTime.UtcNow.AddHours(-2).ToString("yyyy-MM-dd"), failed.Message);
            Assert.Contains("disk full", failed.Message);

            ExtraHopHealthReport wider = Shell.Invoke("Get-EHHealthReport -Session $eh2 -JobLookbackHours 96").AssertNoErrors().Single<ExtraHopHealthReport>();
            var jobs = wider.Findings.Where(f => f.Check == HealthCheck.Jobs).ToList();
            Assert.Equal(2, jobs.Count);
            Assert.Contains(jobs, f => f.Message.Contains("ended TIMEOUT") && f.Message.Contains("an old failure"));
        }

        [Fact]
        public void ARunningJobIsAWarning()
        {
            Connect("eh1");
            Shell.SetVariable("img", Temp.Image("9.9.3.1000"));
            Sim["eh1"].Faults.UpgradeDurationFactor = 100000;
            Shell.Invoke("Invoke-EHFirmwareUpgrade -Session $eh1 -Path $img -NoWait -Force").AssertNoErrors();

            ExtraHopHealthReport report = Shell.Invoke("Get-EHHealthReport -Session $eh1").AssertNoErrors().Single<ExtraHopHealthReport>();
            ExtraHopHealthFinding running = Only(report, HealthCheck.Jobs);
            Assert.Equal(HealthStatus.Warning, running.Severity);
            Assert.Contains("is running", running.Message);
        }

        [Fact]
        public void EachProcessNotRunningIsCriticalAndARestartClearsIt()
        {
            ExtraHopHealthReport report = ReportOf("eh4");
            var processes = report.Findings.Where(f => f.Check == HealthCheck.Processes).ToList();
            Assert.Equal(new[] { "exalerts", "exremote" }, processes.Select(f => (string)f.Value!).OrderBy(n => n));
            Assert.All(processes, f => Assert.Equal(HealthStatus.Critical, f.Severity));
            Assert.Equal(HealthStatus.Critical, report.Status);

            Shell.Invoke("Restart-EHProcess exalerts -Session $eh4 -Confirm:$false; Restart-EHProcess exremote -Session $eh4 -Confirm:$false").AssertNoErrors();
            ExtraHopHealthReport after = Shell.Invoke("Get-EHHealthReport -Session $eh4").AssertNoErrors().Single<ExtraHopHealthReport>();
            Assert.Equal(HealthStatus.OK, Only(after, HealthCheck.Processes).Severity);
            Assert.Equal(HealthStatus.OK, after.Status);
        }

        [Fact]
        public void NotEnrolledInCloudServicesIsAWarningThatSkipCheckLeavesOut()
        {
            Assert.Equal(HealthStatus.OK, Only(ReportOf("eh1"), HealthCheck.CloudServices).Severity);
            Shell.Invoke("Set-EHCloudService -Unenroll -Session $eh1 -Force").AssertNoErrors();

            ExtraHopHealthReport report = Shell.Invoke("Get-EHHealthReport -Session $eh1").AssertNoErrors().Single<ExtraHopHealthReport>();
            ExtraHopHealthFinding cloud = Only(report, HealthCheck.CloudServices);
            Assert.Equal(HealthStatus.Warning, cloud.Severity);
            Assert.StartsWith("Not enrolled", cloud.Message);

            ExtraHopHealthReport skipped = Shell.Invoke("Get-EHHealthReport -Session $eh1 -SkipCheck CloudServices, Jobs").AssertNoErrors().Single<ExtraHopHealthReport>();
            Assert.DoesNotContain(skipped.Findings, f => f.Check == HealthCheck.CloudServices || f.Check == HealthCheck.Jobs);
            Assert.Equal(HealthStatus.OK, skipped.Status);
        }

        [Fact]
        public void ReachabilityCannotBeSkippedAndNothingIsSent()
        {
            Connect("eh1");
            Sim.ResetStatistics();
            PsResult result = Shell.Invoke("Get-EHHealthReport -Session $eh1 -SkipCheck Reachability");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith("ExtraHop.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Contains("Reachability", error.Exception.Message);
            Assert.Empty(result.Output);
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void ALaterAppliancePastTheConsoleIsCriticalOnTheConsolesReportEvenOutsideTheSessions()
        {
            ExtraHopHealthReport report = ReportOf("ec2");
            ExtraHopHealthFinding newer = Only(report, HealthCheck.Appliances);
            Assert.Equal(HealthStatus.Critical, newer.Severity);
            Assert.Equal("eda02.example.com", newer.Value);
            Assert.Contains("newer than this console's 9.9.1.1000", newer.Message);
            Assert.Equal(HealthStatus.Critical, report.Status);

            ExtraHopHealthFinding fine = Only(ReportOf("ec1"), HealthCheck.Appliances);
            Assert.Equal(HealthStatus.OK, fine.Severity);
            Assert.Equal(4, fine.Value);
        }

        [Fact]
        public void WithAConsoleInTheSetOlderAppliancesWarnNewerOnesAreCriticalAndTheConsoleIsNotCompared()
        {
            foreach (string name in new[] { "ec1", "eh1", "eh2", "eh3" }) Connect(name);
            var reports = Shell.Invoke("Get-EHHealthReport -Session $ec1, $eh1, $eh2, $eh3").AssertNoErrors().Objects<ExtraHopHealthReport>().ToDictionary(r => r.Server!);

            Assert.DoesNotContain(reports[Sim["ec1"].Server].Findings, f => f.Check == HealthCheck.Version);
            Assert.Equal(HealthStatus.OK, Only(reports[Sim["eh1"].Server], HealthCheck.Version).Severity);
            ExtraHopHealthFinding older = Only(reports[Sim["eh2"].Server], HealthCheck.Version);
            Assert.Equal(HealthStatus.Warning, older.Severity);
            Assert.Equal($"9.8.1.1000, older than console {Sim["ec1"].Server} ({ConsoleVersion}).", older.Message);
            ExtraHopHealthFinding newer = Only(reports[Sim["eh3"].Server], HealthCheck.Version);
            Assert.Equal(HealthStatus.Critical, newer.Severity);
            Assert.Equal("9.9.3.2000", newer.Value);
        }

        [Fact]
        public async Task AnUnreachableApplianceIsCriticalUnderStopAndTheOthersAreStillReported()
        {
            Connect("eh1");
            SimulatorHost elsewhere = await Simulators.StartAsync(Simulators.Sensor("gone"));
            Shell.SetVariable("ehTestKey", Simulators.Secure(elsewhere["gone"].ApiKey));
            Shell.Invoke($"$global:gone = Connect-ExtraHop -Server '{elsewhere["gone"].Server}' -ApiKey $ehTestKey -CertificateThumbprint '{elsewhere.CertificateSha256}' -RetryIntervalSec 0 -NotDefault")
                .AssertNoErrors();
            await elsewhere.DisposeAsync();

            PsResult result = Shell.Invoke("$ErrorActionPreference = 'Stop'; $r = Get-EHHealthReport -Session $gone, $eh1 -ThrottleLimit 2; $r").AssertNoErrors();

            var reports = result.Objects<ExtraHopHealthReport>().ToDictionary(r => r.Server!);
            Assert.Equal(2, reports.Count);
            ExtraHopHealthReport gone = reports[elsewhere["gone"].Server];
            Assert.Equal(HealthStatus.Critical, gone.Status);
            ExtraHopHealthFinding unreachable = Assert.Single(gone.Findings);
            Assert.Equal(HealthCheck.Reachability, unreachable.Check);
            Assert.Equal(HealthStatus.Critical, unreachable.Severity);
            Assert.False(string.IsNullOrWhiteSpace(unreachable.Message));
            Assert.Equal(ExtraHop.Models.ApplianceRole.Sensor, gone.Role);
            Assert.Equal(HealthStatus.OK, reports[Sim["eh1"].Server].Status);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void DetailedWritesOneRowPerFindingOfEveryAppliance()
        {
            Connect("eh1");
            Connect("rs1");
            var rows = Shell.Invoke("Get-EHHealthReport -Session $eh1, $rs1 -Detailed").AssertNoErrors().Output.Select(o => o.BaseObject).ToList();

            Assert.All(rows, row => Assert.IsType<ExtraHopHealthFinding>(row));
            var findings = rows.Cast<ExtraHopHealthFinding>().ToList();
            Assert.Equal(6, findings.Count(f => f.Server == Sim["eh1"].Server));
            Assert.Equal(7, findings.Count(f => f.Server == Sim["rs1"].Server));
            Assert.Contains(findings, f => f.Server == Sim["rs1"].Server && f.Check == HealthCheck.Ingest && f.Severity == HealthStatus.Critical);
        }

        [Fact]
        public void PipedSessionsAreReportedTogetherWithAThrottleAndTheLargestExitCodeIsTheWorst()
        {
            foreach (string name in new[] { "ec1", "eh1", "eh2", "eh3", "rs1" }) Connect(name);
            PsResult result = Shell.Invoke("$ec1, $eh1, $eh2, $eh3, $rs1 | Get-EHHealthReport -ThrottleLimit 2").AssertNoErrors();
            var reports = result.Objects<ExtraHopHealthReport>().ToList();
            // One progress bar for the set, closed at the end.
            ProgressRecord last = result.Progress.Last();
            Assert.Equal(ProgressRecordType.Completed, last.RecordType);
            Assert.Equal("Reading from 5 appliances, 2 at a time", last.Activity);

            Assert.Equal(5, reports.Count);
            Assert.Equal(5, reports.Select(r => r.Server).Distinct().Count());
            // Piped together, the console is in the set, so the others are compared with it.
            Assert.Contains(reports.Single(r => r.Server == Sim["eh2"].Server).Findings, f => f.Check == HealthCheck.Version);
            Assert.Equal(2, reports.Max(r => r.ExitCode));
            Assert.Equal(HealthStatus.Warning, reports.Single(r => r.Server == Sim["eh2"].Server).Status);
        }

        [Fact]
        public void ReportsKeepTheirSessionHiddenForCsvAndJsonAndPipeToOtherCmdlets()
        {
            Connect("rs1");
            string[] csvColumns = Shell.Invoke("(Get-EHHealthReport -Session $rs1).PSObject.Properties | ForEach-Object { $_.Name }").AssertNoErrors()
                .Output.Select(o => o.ToString()!).ToArray();
            Assert.Equal(new[] { "Role", "Version", "Status", "Findings", "CheckedAt", "ExitCode", "Summary", "Server" }.OrderBy(n => n), csvColumns.OrderBy(n => n));

            ExtraHopHealthReport report = Shell.Invoke("Get-EHHealthReport -Session $rs1").AssertNoErrors().Single<ExtraHopHealthReport>();
            // ConvertTo-Json reads public properties by reflection, as System.Text.Json does.
            string json = JsonSerializer.Serialize(report);
            using (JsonDocument document = JsonDocument.Parse(json))
            {
                JsonElement findings = document.RootElement.GetProperty("Findings");
                Assert.Equal(report.Findings.Length, findings.GetArrayLength());
                Assert.All(findings.EnumerateArray(), f => Assert.Equal(Sim["rs1"].Server, f.GetProperty("Server").GetString()));
            }
            Assert.DoesNotContain(Sim["rs1"].ApiKey, json);
            Assert.DoesNotContain("Session", json);

            var systems = Shell.Invoke("Get-EHHealthReport -Session $rs1 | Where-Object { $_.Status -ne 'OK' } | Get-EHSystem").AssertNoErrors().Objects<ExtraHopSystem>().ToList();
            Assert.Equal(Sim["rs1"].Server, Assert.Single(systems).Server);
        }

        [Theory]
        [InlineData(80)]
        [InlineData(130)]
        public void TheDefaultViewsFitTheWidthAndShowWhatIsWrong(int width)
        {
            Connect("eh2");
            Connect("rs1");
            var reports = Shell.Invoke("Get-EHHealthReport -Session $eh2, $rs1").AssertNoErrors().Output.Select(o => o.BaseObject).ToList();
            IReadOnlyList<string> lines = Shell.Render(width, reports);
            Assert.All(lines, line => Assert.True(line.Length <= width, $"'{line}' is wider than {width} columns"));
            Assert.Equal(new[] { "Server", "Role", "Version", "Status", "Summary" }, lines.First(l => l.Length > 0).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(lines, line => line.Contains("Critical"));
            Assert.Contains(lines, line => line.Contains("Warning"));

            var findings = Shell.Invoke("Get-EHHealthReport -Session $rs1 -Detailed").AssertNoErrors().Output.Select(o => o.BaseObject).ToList();
            IReadOnlyList<string> rows = Shell.Render(width, findings);
            Assert.All(rows, line => Assert.True(line.Length <= width, $"'{line}' is wider than {width} columns"));
            Assert.Equal(new[] { "Server", "Check", "Severity", "Message" }, rows.First(l => l.Length > 0).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(rows, line => line.Contains("Ingest") && line.Contains("Critical"));
        }
    }
}
