using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ApplianceRole = ExtraHop.Models.ApplianceRole;
using FirmwareRelease = ExtraHop.Models.FirmwareRelease;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>Invoke-EHFirmwareUpgrade on sensors: each way of getting the image, fleets, failures, timeouts.</summary>
    public sealed class FirmwareUpgradeTests : SimulatorTest
    {
        private const string From = "9.8.1.1000";
        private const string To = "9.9.2.1234";
        private const string Fast = "-Force -PollIntervalSec 0.05";
        private string image = null!;

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"), Simulators.Sensor("eh2"), Simulators.Sensor("eh3"), Simulators.Sensor("eh4"));
            image = Temp.Image(To);
            Shell.SetVariable("img", image);
        }

        private void ConnectAll()
        {
            foreach (string name in new[] { "eh1", "eh2", "eh3", "eh4" }) Shell.Connect(Sim, Sim[name], "-NotDefault");
            Shell.Invoke("$all = Get-EHSession").AssertNoErrors();
        }

        private static void AssertUpgraded(FirmwareUpgradeResult result)
        {
            Assert.True(UpgradeStatus.Succeeded == result.Status, result.Error);
            Assert.Equal(From, result.FromVersion);
            Assert.Equal(To, result.ToVersion);
            Assert.False(string.IsNullOrEmpty(result.JobId));
            Assert.Equal(ApplianceRole.Sensor, result.Role);
        }

        private IEnumerable<RequestLogEntry> Changes(string appliance) =>
            Sim.RequestLog.Where(e => e.Appliance == appliance && e.Method != "GET");

        [Fact]
        public void PathUploadsUpgradesAndFollowsTheJobThroughTheReboot()
        {
            Shell.Connect(Sim, Sim["eh1"]);
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img {Fast}").AssertNoErrors();

            AssertUpgraded(result.Single<FirmwareUpgradeResult>());
            Assert.Equal(To, Sim["eh1"].CurrentVersion);
            Assert.Contains(Sim.Events, e => e.Appliance == "eh1" && e.Kind == SimulatorEventKind.RebootStarted);
            Assert.Contains(Sim.Events, e => e.Appliance == "eh1" && e.Kind == SimulatorEventKind.Booted);
            Assert.Equal(new[] { "POST /api/v1/extrahop/firmware", "POST /api/v1/extrahop/firmware/latest/upgrade" },
                Changes("eh1").Select(e => e.Method + " " + e.Path));
            Assert.Contains(result.Progress, p => p.StatusDescription.StartsWith("Step ", StringComparison.Ordinal));
            Assert.Contains(result.Progress, p => p.StatusDescription.StartsWith("Uploading", StringComparison.Ordinal));
        }

        [Fact]
        public void UriMakesTheApplianceDownloadAndUpgradeInOneJob()
        {
            ConnectAll();
            Shell.SetVariable("url", Sim.PublishFile("extrahop-" + To + ".tar", image));
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Uri $url -Session $all[0], $all[1] -ThrottleLimit 2 {Fast}").AssertNoErrors();

            Assert.Equal(2, result.Objects<FirmwareUpgradeResult>().Count());
            Assert.All(result.Objects<FirmwareUpgradeResult>(), AssertUpgraded);
            RequestLogEntry download = Assert.Single(Changes("eh1"));
            Assert.Equal("/api/v1/extrahop/firmware/download/url", download.Path);
            Assert.Contains("\"upgrade\":true", download.Body);
        }

        [Fact]
        public void VersionDownloadsFromTheCloudThenUpgrades()
        {
            Shell.Connect(Sim, Sim["eh2"]);
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Version {To} {Fast}").AssertNoErrors();
            AssertUpgraded(result.Single<FirmwareUpgradeResult>());
            Assert.Equal(new[] { "/api/v1/extrahop/firmware/download/version", "/api/v1/extrahop/firmware/latest/upgrade" }, Changes("eh2").Select(e => e.Path));
        }

        [Fact]
        public void UploadedImageUpgradesToWhatSendEHFirmwareStaged()
        {
            Shell.Connect(Sim, Sim["eh3"]);
            FirmwareUpload upload = Shell.Invoke("Send-EHFirmware -Path $img -Confirm:$false").AssertNoErrors().Single<FirmwareUpload>();
            Assert.Equal(To, upload.Version);
            Assert.Equal(new System.IO.FileInfo(image).Length, Sim["eh3"].BytesReceivedLastUpload);
            Assert.Equal(From, Sim["eh3"].CurrentVersion);

            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -UploadedImage {Fast}").AssertNoErrors();
            AssertUpgraded(result.Single<FirmwareUpgradeResult>());
        }

        [Fact]
        public void CsvOneLinerUpgradesFourAppliancesWithoutExceedingTheThrottle()
        {
            var rows = new[] { "eh1", "eh2", "eh3", "eh4" }.Select(name =>
            {
                var row = new PSObject();
                row.Properties.Add(new PSNoteProperty("Server", Sim[name].Server));
                row.Properties.Add(new PSNoteProperty("ApiKey", Sim[name].ApiKey));
                row.Properties.Add(new PSNoteProperty("Path", image));
                row.Properties.Add(new PSNoteProperty("CertificateThumbprint", Sim.CertificateSha256));
                return row;
            }).ToArray();
            Sim.ResetStatistics();

            PsResult result = Shell.Invoke($"$args[0] | Invoke-EHFirmwareUpgrade -ThrottleLimit 2 {Fast}", (object)rows).AssertNoErrors();

            Assert.Equal(4, result.Objects<FirmwareUpgradeResult>().Count());
            Assert.All(result.Objects<FirmwareUpgradeResult>(), AssertUpgraded);
            Assert.Equal(2, Sim.MaxConcurrentBusy);
            Assert.Empty(Shell.Invoke("Get-EHSession").Output);
        }

        [Fact]
        public void AFailedUploadStartsNoUpgradeAndTheOthersGoOn()
        {
            ConnectAll();
            Sim["eh2"].Faults.FailUploads(1, 500, "Firmware image failed validation");
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img -Session $all -ThrottleLimit 4 {Fast}");

            var results = result.Objects<FirmwareUpgradeResult>().ToDictionary(r => r.Server);
            FirmwareUpgradeResult failed = results[Sim["eh2"].Server];
            Assert.Equal(UpgradeStatus.Failed, failed.Status);
            Assert.Contains("failed validation", failed.Error);
            Assert.DoesNotContain(Changes("eh2"), e => e.Path.EndsWith("/upgrade", StringComparison.Ordinal));
            Assert.Equal(From, Sim["eh2"].CurrentVersion);
            Assert.All(results.Values.Where(r => r != failed), AssertUpgraded);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal(Sim["eh2"].Server, error.TargetObject);
        }

        [Fact]
        public void AJobFailingAtStep3IsAFailedResultWithTheJobsDetailsAndTheOthersSucceed()
        {
            ConnectAll();
            Sim["eh3"].Faults.FailJobAtStep(3, "configuration migration failed: disk full");
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img -Session $all {Fast}");

            var results = result.Objects<FirmwareUpgradeResult>().ToDictionary(r => r.Server);
            FirmwareUpgradeResult failed = results[Sim["eh3"].Server];
            Assert.Equal(UpgradeStatus.Failed, failed.Status);
            Assert.Contains("step 3 of 5", failed.Error);
            Assert.Contains("disk full", failed.Error);
            Assert.Equal(3, results.Values.Count(r => r.Status == UpgradeStatus.Succeeded));

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.JobFailed,", error.FullyQualifiedErrorId);
            var job = Assert.IsType<ExtraHopJob>(error.TargetObject);
            Assert.Equal("FAILED", job.Status);
            Assert.Equal(3, job.StepNumber);
            Assert.Contains("disk full", job.Details);
        }

        [Fact]
        public void AnApplianceThatTakesTooLongTimesOutWithTheResumeHint()
        {
            Shell.Connect(Sim, Sim["eh4"]);
            Sim["eh4"].Faults.UpgradeDurationFactor = 1000;
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img -TimeoutSec 2 {Fast}");

            FirmwareUpgradeResult timedOut = result.Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.TimedOut, timedOut.Status);
            Assert.Contains($"Wait-EHJob -Id '{timedOut.JobId}' -Session '{Sim["eh4"].Server}'", timedOut.Error);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.UpgradeTimedOut,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.StartsWith("Wait-EHJob -Id", error.ErrorDetails.RecommendedAction);
            Assert.True(timedOut.Duration < TimeSpan.FromSeconds(10), $"took {timedOut.Duration}");
        }

        [Fact]
        public void RateLimitingWhilePollingIsWaitedOut()
        {
            Shell.Connect(Sim, Sim["eh1"]);
            Sim["eh1"].Faults.RateLimit(2, 1, "/api/v1/jobs");
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img {Fast}").AssertNoErrors();
            AssertUpgraded(result.Single<FirmwareUpgradeResult>());
            Assert.Equal(2, Sim.RequestLog.Count(e => e.Appliance == "eh1" && e.StatusCode == 429));
        }

        [Fact]
        public void WhatIfPrintsThePlanAndChangesNothing()
        {
            ConnectAll();
            Sim.ResetStatistics();
            PsResult result = Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -Session $all -WhatIf").AssertNoErrors();

            Assert.Empty(result.Output);
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));
            string printed = string.Join("\n", Shell.Host.TestUI.Written);
            foreach (string name in new[] { "eh1", "eh2", "eh3", "eh4" }) Assert.Contains($"Upgrade {Sim[name].Server} (Sensor) from {From} to {To}", printed);
        }

        [Fact]
        public void ConfirmAsksOncePerApplianceBeforeAnyWorkAndADeclinedOneIsLeftAlone()
        {
            ConnectAll();
            foreach (string answer in new[] { "Yes", "No", "Yes" }) Shell.Host.TestUI.Answers.Enqueue(answer);
            Sim.ResetStatistics();
            PsResult result = Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -Session $all[0], $all[1], $all[2] -PollIntervalSec 0.05").AssertNoErrors();

            Assert.Equal(3, Shell.Host.TestUI.Prompts.Count);
            Assert.Equal(new[] { Sim["eh1"].Server, Sim["eh3"].Server }, result.Objects<FirmwareUpgradeResult>().Select(r => r.Server).OrderBy(s => s == Sim["eh3"].Server));
            Assert.Empty(Changes("eh2"));
            Assert.Equal(From, Sim["eh2"].CurrentVersion);
        }

        [Fact]
        public void NoWaitEmitsJobsThatWaitEHJobFollows()
        {
            Shell.Connect(Sim, Sim["eh2"]);
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img -NoWait -Force | Wait-EHJob -TimeoutSec 60 -PollIntervalSec 0.05").AssertNoErrors();
            ExtraHopJob job = result.Single<ExtraHopJob>();
            Assert.Equal("DONE", job.Status);
            Assert.Equal(To, Sim["eh2"].CurrentVersion);
        }

        [Fact]
        public void RunningJobsFromGetEHJobCanBeWaitedFor()
        {
            Shell.Connect(Sim, Sim["eh3"]);
            Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -NoWait -Force").AssertNoErrors();
            PsResult result = Shell.Invoke("Get-EHJob | Where-Object Status -eq 'RUNNING' | Wait-EHJob -PollIntervalSec 0.05").AssertNoErrors();
            Assert.Equal("DONE", result.Single<ExtraHopJob>().Status);
        }

        [Fact]
        public void ImagesThatCannotBeFirmwareAreRefusedBeforeAnythingIsSent()
        {
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.SetVariable("empty", Temp.File("empty.tar", Array.Empty<byte>()));
            Shell.SetVariable("text", Temp.File("notes.tar", System.Text.Encoding.ASCII.GetBytes(new string('x', 2048))));
            Sim.ResetStatistics();
            PsResult result = Shell.Invoke($"Send-EHFirmware -Path $empty -Confirm:$false; Send-EHFirmware -Path $text -Confirm:$false; Send-EHFirmware -Path ./no-such.tar -Confirm:$false; Invoke-EHFirmwareUpgrade -Path $text {Fast}");
            Assert.Equal(4, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("ExtraHop.InvalidFirmwareImage,", e.FullyQualifiedErrorId));
            Assert.Contains("is empty", result.Errors[0].Exception.Message);
            Assert.Contains("not a tar archive", result.Errors[1].Exception.Message);
            Assert.Contains("does not exist", result.Errors[2].Exception.Message);
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void AvailablePreviousAndRollback()
        {
            Shell.Connect(Sim, Sim["eh4"]);
            var releases = Shell.Invoke("Get-EHFirmware -Available").AssertNoErrors().Objects<FirmwareRelease>().ToList();
            Assert.Contains(releases, r => r.Versions.Contains(To));
            Assert.Equal(From, Shell.Invoke("Get-EHFirmware").AssertNoErrors().Single<FirmwareInfo>().Version);

            Shell.Invoke($"Invoke-EHFirmwareUpgrade -Version {To} {Fast}").AssertNoErrors();
            Assert.Equal(From, Shell.Invoke("Get-EHFirmware -Previous").AssertNoErrors().Single<FirmwareInfo>().Version);

            FirmwareUpgradeResult rollback = Shell.Invoke("Undo-EHFirmwareUpgrade -Force -PollIntervalSec 0.05").AssertNoErrors().Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.Succeeded, rollback.Status);
            Assert.Equal(From, rollback.ToVersion);
            Assert.Equal(From, Sim["eh4"].CurrentVersion);
        }
    }
}
