using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// -TimeoutSec bounds the whole upgrade or rollback of an appliance, start requests included: a request the
    /// appliance accepts and never answers ends the command within -TimeoutSec plus the documented grace, even
    /// though the session's own request timeout (100 s here) is far longer. And a job that failed or ran out of
    /// time after its reboot still reports the version the appliance runs.
    /// </summary>
    public sealed class UpgradeTimeLimitTests : SimulatorTest
    {
        private const string From = "9.8.1.1000";
        private const string To = "9.9.2.1234";
        private const int TimeoutSec = 3;
        // -TimeoutSec, plus the grace documented in about_ExtraHop_FirmwareUpgrade (5 s), plus room for a loaded machine.
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(TimeoutSec + 5 + 4);
        private readonly ITestOutputHelper output;

        public UpgradeTimeLimitTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(new ApplianceOptions { Name = "eh1", Role = ExtraHop.Simulator.ApplianceRole.Sensor, Version = From, PreviousVersion = "9.7.0.500" });
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.SetVariable("img", Temp.Image(To));
        }

        /// <summary>Runs the script while the appliance hangs on the first request to the path; asserts it ended in time.</summary>
        private PsResult RunWithHungRequest(string pathPrefix, string script)
        {
            Sim["eh1"].Faults.Hang(1, pathPrefix);
            var clock = Stopwatch.StartNew();
            PsResult result = Shell.Invoke(script);
            TimeSpan took = clock.Elapsed;
            output.WriteLine($"hung {pathPrefix}: the command ended after {took.TotalSeconds:0.00} s (-TimeoutSec {TimeoutSec})");
            Assert.True(took >= TimeSpan.FromSeconds(TimeoutSec), $"ended after {took}, before -TimeoutSec");
            Assert.True(took < Bound, $"ended after {took}; -TimeoutSec {TimeoutSec} plus the grace allows less than {Bound}");
            return result;
        }

        [Fact]
        public void AHungUploadEndsWithinTimeoutSecPlusTheGrace()
        {
            PsResult result = RunWithHungRequest("/extrahop/firmware", $"Invoke-EHFirmwareUpgrade -Path $img -TimeoutSec {TimeoutSec} -Force -PollIntervalSec 0.05");

            FirmwareUpgradeResult timedOut = result.Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.TimedOut, timedOut.Status);
            Assert.Contains($"within {TimeoutSec} seconds", timedOut.Error);
            Assert.StartsWith("ExtraHop.UpgradeTimedOut,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void AHungDownloadRequestEndsWithinTimeoutSecPlusTheGrace()
        {
            Shell.SetVariable("url", Sim.PublishFile("extrahop-" + To + ".tar", (string)Shell.GetVariable("img")!));
            PsResult result = RunWithHungRequest("/extrahop/firmware/download/url", $"Invoke-EHFirmwareUpgrade -Uri $url -TimeoutSec {TimeoutSec} -Force -PollIntervalSec 0.05");

            Assert.Equal(UpgradeStatus.TimedOut, result.Single<FirmwareUpgradeResult>().Status);
        }

        [Fact]
        public void AHungStartWithNoWaitEndsWithinTimeoutSecPlusTheGrace()
        {
            PsResult result = RunWithHungRequest("/extrahop/firmware/latest/upgrade", $"Invoke-EHFirmwareUpgrade -UploadedImage -TargetVersion {To} -NoWait -TimeoutSec {TimeoutSec} -Force");

            Assert.Empty(result.Output);
            Assert.StartsWith("ExtraHop.UpgradeTimedOut,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void AHungRollbackRequestEndsWithinTimeoutSecPlusTheGrace()
        {
            PsResult result = RunWithHungRequest("/extrahop/firmware/previous/rollback", $"Undo-EHFirmwareUpgrade -TimeoutSec {TimeoutSec} -Force -PollIntervalSec 0.05");

            FirmwareUpgradeResult timedOut = result.Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.TimedOut, timedOut.Status);
            Assert.Contains("starting the rollback", timedOut.Error);
            Assert.Equal(From, Sim["eh1"].CurrentVersion);
        }

        /// <summary>Step 4 of an upgrade job is the reboot: a job ending at step 5 leaves the appliance on the new version.</summary>
        [Theory]
        [InlineData(5, false, UpgradeStatus.Failed, To)]
        [InlineData(5, true, UpgradeStatus.TimedOut, To)]
        [InlineData(2, false, UpgradeStatus.Failed, null)]
        public void AJobEndingAfterTheRebootReportsTheVersionTheApplianceRunsNow(int step, bool applianceTimesOut, UpgradeStatus expected, string? toVersion)
        {
            if (applianceTimesOut) Sim["eh1"].Faults.TimeOutJobAtStep(step);
            else Sim["eh1"].Faults.FailJobAtStep(step, "simulated failure");
            PsResult result = Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -Force -PollIntervalSec 0.05");

            FirmwareUpgradeResult ended = result.Single<FirmwareUpgradeResult>();
            Assert.Equal(expected, ended.Status);
            Assert.Equal(toVersion ?? From, Sim["eh1"].CurrentVersion);
            Assert.Equal(toVersion, ended.ToVersion);
        }

        [Fact]
        public void ARefusedRequestNamesTheServerOnceInTheResultAndTheError()
        {
            Sim["eh1"].Faults.FailRequests(1, 500, "/extrahop/firmware/latest/upgrade");
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -UploadedImage -TargetVersion {To} -Force -PollIntervalSec 0.05");

            FirmwareUpgradeResult failed = result.Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.Failed, failed.Status);
            Assert.Equal(1, Occurrences(failed.Error!, Sim["eh1"].Server));
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal(1, Occurrences(error.ErrorDetails?.Message ?? error.Exception.Message, Sim["eh1"].Server));
        }

        private static int Occurrences(string text, string part) =>
            Enumerable.Range(0, text.Length - part.Length + 1).Count(i => string.CompareOrdinal(text, i, part, 0, part.Length) == 0);
    }
}
