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
    public sealed class FirmwareUpgradeTests : IAsyncLifetime
    {
        private const string From = "9.8.1.1000";
        private const string To = "9.9.2.1234";
        private const string Fast = "-Force -PollIntervalSec 0.05";
        private readonly HostedPowerShell shell = new HostedPowerShell();
        private readonly TempFolder temp = new TempFolder();
        private SimulatorHost sim = null!;
        private string image = null!;

        public async Task InitializeAsync()
        {
            sim = await Simulators.StartAsync(Simulators.Sensor("eh1"), Simulators.Sensor("eh2"), Simulators.Sensor("eh3"), Simulators.Sensor("eh4"));
            image = temp.Image(To);
            shell.SetVariable("img", image);
        }

        public async Task DisposeAsync()
        {
            shell.Dispose();
            await sim.DisposeAsync();
            temp.Dispose();
        }

        private void ConnectAll()
        {
            foreach (string name in new[] { "eh1", "eh2", "eh3", "eh4" }) shell.Connect(sim, sim[name], "-NotDefault");
            shell.Invoke("$all = Get-EHSession").AssertNoErrors();
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
            sim.RequestLog.Where(e => e.Appliance == appliance && e.Method != "GET");

        [Fact]
        public void PathUploadsUpgradesAndFollowsTheJobThroughTheReboot()
        {
            shell.Connect(sim, sim["eh1"]);
            PsResult result = shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img {Fast}").AssertNoErrors();

            AssertUpgraded(result.Single<FirmwareUpgradeResult>());
            Assert.Equal(To, sim["eh1"].CurrentVersion);
            Assert.Contains(sim.Events, e => e.Appliance == "eh1" && e.Kind == SimulatorEventKind.RebootStarted);
            Assert.Contains(sim.Events, e => e.Appliance == "eh1" && e.Kind == SimulatorEventKind.Booted);
            Assert.Equal(new[] { "POST /api/v1/extrahop/firmware", "POST /api/v1/extrahop/firmware/latest/upgrade" },
                Changes("eh1").Select(e => e.Method + " " + e.Path));
            Assert.Contains(result.Progress, p => p.StatusDescription.StartsWith("Step ", StringComparison.Ordinal));
            Assert.Contains(result.Progress, p => p.StatusDescription.StartsWith("Uploading", StringComparison.Ordinal));
        }

        [Fact]
        public void UriMakesTheApplianceDownloadAndUpgradeInOneJob()
        {
            ConnectAll();
            shell.SetVariable("url", sim.PublishFile("extrahop-" + To + ".tar", image));
            PsResult result = shell.Invoke($"Invoke-EHFirmwareUpgrade -Uri $url -Session $all[0], $all[1] -ThrottleLimit 2 {Fast}").AssertNoErrors();

            Assert.Equal(2, result.Objects<FirmwareUpgradeResult>().Count());
            Assert.All(result.Objects<FirmwareUpgradeResult>(), AssertUpgraded);
            RequestLogEntry download = Assert.Single(Changes("eh1"));
            Assert.Equal("/api/v1/extrahop/firmware/download/url", download.Path);
            Assert.Contains("\"upgrade\":true", download.Body);
        }

        [Fact]
        public void VersionDownloadsFromTheCloudThenUpgrades()
        {
            shell.Connect(sim, sim["eh2"]);
            PsResult result = shell.Invoke($"Invoke-EHFirmwareUpgrade -Version {To} {Fast}").AssertNoErrors();
            AssertUpgraded(result.Single<FirmwareUpgradeResult>());
            Assert.Equal(new[] { "/api/v1/extrahop/firmware/download/version", "/api/v1/extrahop/firmware/latest/upgrade" }, Changes("eh2").Select(e => e.Path));
        }

        [Fact]
        public void UploadedImageUpgradesToWhatSendEHFirmwareStaged()
        {
            shell.Connect(sim, sim["eh3"]);
            FirmwareUpload upload = shell.Invoke("Send-EHFirmware -Path $img -Confirm:$false").AssertNoErrors().Single<FirmwareUpload>();
            Assert.Equal(To, upload.Version);
            Assert.Equal(new System.IO.FileInfo(image).Length, sim["eh3"].BytesReceivedLastUpload);
            Assert.Equal(From, sim["eh3"].CurrentVersion);

            PsResult result = shell.Invoke($"Invoke-EHFirmwareUpgrade -UploadedImage {Fast}").AssertNoErrors();
            AssertUpgraded(result.Single<FirmwareUpgradeResult>());
        }

        [Fact]
        public void CsvOneLinerUpgradesFourAppliancesWithoutExceedingTheThrottle()
        {
            var rows = new[] { "eh1", "eh2", "eh3", "eh4" }.Select(name =>
            {
                var row = new PSObject();
                row.Properties.Add(new PSNoteProperty("Server", sim[name].Server));
                row.Properties.Add(new PSNoteProperty("ApiKey", sim[name].ApiKey));
                row.Properties.Add(new PSNoteProperty("Path", image));
                row.Properties.Add(new PSNoteProperty("CertificateThumbprint", sim.CertificateSha256));
                return row;
            }).ToArray();
            sim.ResetStatistics();

            PsResult result = shell.Invoke($"$args[0] | Invoke-EHFirmwareUpgrade -ThrottleLimit 2 {Fast}", (object)rows).AssertNoErrors();

            Assert.Equal(4, result.Objects<FirmwareUpgradeResult>().Count());
            Assert.All(result.Objects<FirmwareUpgradeResult>(), AssertUpgraded);
            Assert.Equal(2, sim.MaxConcurrentBusy);
            Assert.Empty(shell.Invoke("Get-EHSession").Output);
        }

        [Fact]
        public void AFailedUploadStartsNoUpgradeAndTheOthersGoOn()
        {
            ConnectAll();
            sim["eh2"].Faults.FailUploads(1, 500, "Firmware image failed validation");
            PsResult result = shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img -Session $all -ThrottleLimit 4 {Fast}");

            var results = result.Objects<FirmwareUpgradeResult>().ToDictionary(r => r.Server);
            FirmwareUpgradeResult failed = results[sim["eh2"].Server];
            Assert.Equal(UpgradeStatus.Failed, failed.Status);
            Assert.Contains("failed validation", failed.Error);
            Assert.DoesNotContain(Changes("eh2"), e => e.Path.EndsWith("/upgrade", StringComparison.Ordinal));
            Assert.Equal(From, sim["eh2"].CurrentVersion);
            Assert.All(results.Values.Where(r => r != failed), AssertUpgraded);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal(sim["eh2"].Server, error.TargetObject);
        }

        [Fact]
        public void AJobFailingAtStep3IsAFailedResultWithTheJobsDetailsAndTheOthersSucceed()
        {
            ConnectAll();
            sim["eh3"].Faults.FailJobAtStep(3, "configuration migration failed: disk full");
            PsResult result = shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img -Session $all {Fast}");

            var results = result.Objects<FirmwareUpgradeResult>().ToDictionary(r => r.Server);
            FirmwareUpgradeResult failed = results[sim["eh3"].Server];
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
            shell.Connect(sim, sim["eh4"]);
            sim["eh4"].Faults.UpgradeDurationFactor = 1000;
            PsResult result = shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img -TimeoutSec 2 {Fast}");

            FirmwareUpgradeResult timedOut = result.Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.TimedOut, timedOut.Status);
            Assert.Contains($"Wait-EHJob -Id '{timedOut.JobId}' -Session '{sim["eh4"].Server}'", timedOut.Error);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.UpgradeTimedOut,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.StartsWith("Wait-EHJob -Id", error.ErrorDetails.RecommendedAction);
            Assert.True(timedOut.Duration < TimeSpan.FromSeconds(10), $"took {timedOut.Duration}");
        }

        [Fact]
        public void RateLimitingWhilePollingIsWaitedOut()
        {
            shell.Connect(sim, sim["eh1"]);
            sim["eh1"].Faults.RateLimit(2, 1, "/api/v1/jobs");
            PsResult result = shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img {Fast}").AssertNoErrors();
            AssertUpgraded(result.Single<FirmwareUpgradeResult>());
            Assert.Equal(2, sim.RequestLog.Count(e => e.Appliance == "eh1" && e.StatusCode == 429));
        }

        [Fact]
        public void WhatIfPrintsThePlanAndChangesNothing()
        {
            ConnectAll();
            sim.ResetStatistics();
            PsResult result = shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -Session $all -WhatIf").AssertNoErrors();

            Assert.Empty(result.Output);
            Assert.All(sim.RequestLog, e => Assert.Equal("GET", e.Method));
            string printed = string.Join("\n", shell.Host.TestUI.Written);
            foreach (string name in new[] { "eh1", "eh2", "eh3", "eh4" }) Assert.Contains($"Upgrade {sim[name].Server} (Sensor) from {From} to {To}", printed);
        }

        [Fact]
        public void ConfirmAsksOncePerApplianceBeforeAnyWorkAndADeclinedOneIsLeftAlone()
        {
            ConnectAll();
            foreach (string answer in new[] { "Yes", "No", "Yes" }) shell.Host.TestUI.Answers.Enqueue(answer);
            sim.ResetStatistics();
            PsResult result = shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -Session $all[0], $all[1], $all[2] -PollIntervalSec 0.05").AssertNoErrors();

            Assert.Equal(3, shell.Host.TestUI.Prompts.Count);
            Assert.Equal(new[] { sim["eh1"].Server, sim["eh3"].Server }, result.Objects<FirmwareUpgradeResult>().Select(r => r.Server).OrderBy(s => s == sim["eh3"].Server));
            Assert.Empty(Changes("eh2"));
            Assert.Equal(From, sim["eh2"].CurrentVersion);
        }

        [Fact]
        public void NoWaitEmitsJobsThatWaitEHJobFollows()
        {
            shell.Connect(sim, sim["eh2"]);
            PsResult result = shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img -NoWait -Force | Wait-EHJob -TimeoutSec 60 -PollIntervalSec 0.05").AssertNoErrors();
            ExtraHopJob job = result.Single<ExtraHopJob>();
            Assert.Equal("DONE", job.Status);
            Assert.Equal(To, sim["eh2"].CurrentVersion);
        }

        [Fact]
        public void RunningJobsFromGetEHJobCanBeWaitedFor()
        {
            shell.Connect(sim, sim["eh3"]);
            shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -NoWait -Force").AssertNoErrors();
            PsResult result = shell.Invoke("Get-EHJob | Where-Object Status -eq 'RUNNING' | Wait-EHJob -PollIntervalSec 0.05").AssertNoErrors();
            Assert.Equal("DONE", result.Single<ExtraHopJob>().Status);
        }

        [Fact]
        public void ImagesThatCannotBeFirmwareAreRefusedBeforeAnythingIsSent()
        {
            shell.Connect(sim, sim["eh1"]);
            shell.SetVariable("empty", temp.File("empty.tar", Array.Empty<byte>()));
            shell.SetVariable("text", temp.File("notes.tar", System.Text.Encoding.ASCII.GetBytes(new string('x', 2048))));
            sim.ResetStatistics();
            PsResult result = shell.Invoke($"Send-EHFirmware -Path $empty -Confirm:$false; Send-EHFirmware -Path $text -Confirm:$false; Send-EHFirmware -Path ./no-such.tar -Confirm:$false; Invoke-EHFirmwareUpgrade -Path $text {Fast}");
            Assert.Equal(4, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("ExtraHop.InvalidFirmwareImage,", e.FullyQualifiedErrorId));
            Assert.Contains("is empty", result.Errors[0].Exception.Message);
            Assert.Contains("not a tar archive", result.Errors[1].Exception.Message);
            Assert.Contains("does not exist", result.Errors[2].Exception.Message);
            Assert.Empty(sim.RequestLog);
        }

        [Fact]
        public void AvailablePreviousAndRollback()
        {
            shell.Connect(sim, sim["eh4"]);
            var releases = shell.Invoke("Get-EHFirmware -Available").AssertNoErrors().Objects<FirmwareRelease>().ToList();
            Assert.Contains(releases, r => r.Versions.Contains(To));
            Assert.Equal(From, shell.Invoke("Get-EHFirmware").AssertNoErrors().Single<FirmwareInfo>().Version);

            shell.Invoke($"Invoke-EHFirmwareUpgrade -Version {To} {Fast}").AssertNoErrors();
            Assert.Equal(From, shell.Invoke("Get-EHFirmware -Previous").AssertNoErrors().Single<FirmwareInfo>().Version);

            FirmwareUpgradeResult rollback = shell.Invoke("Undo-EHFirmwareUpgrade -Force -PollIntervalSec 0.05").AssertNoErrors().Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.Succeeded, rollback.Status);
            Assert.Equal(From, rollback.ToVersion);
            Assert.Equal(From, sim["eh4"].CurrentVersion);
        }
    }
}
