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
    /// <summary>Wait-EHJob through reboots, failures and its own time limit; Ctrl+C during uploads and waits.</summary>
    public sealed class JobWaitTests : SimulatorTest
    {

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.SetVariable("img", Temp.Image("9.9.2.1234"));
        }

        private ExtraHopJob StartUpgrade() =>
            Shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -NoWait -Force").AssertNoErrors().Single<ExtraHopJob>();

        [Fact]
        public void SurvivesARebootWithRefusedConnectionsHtml503AndABrief404()
        {
            // At this time scale: about 2 s of HTML 503 and half a second of 404, so 50 ms polls land in both
            // even when one poll hangs for a while as the listener comes back; booting and the 404 also wait for two answers each.
            Sim["eh1"].Faults.BootingDuration = TimeSpan.FromMinutes(40);
            Sim["eh1"].Faults.MinimumBootingAnswers = 2;
            Sim["eh1"].Faults.JobNotFoundAfterBoot = TimeSpan.FromMinutes(10);
            Sim["eh1"].Faults.MinimumJobNotFoundAnswers = 2;
            ExtraHopJob job = StartUpgrade();
            Shell.SetVariable("job", job);

            PsResult result = Shell.Invoke("Wait-EHJob -Job $job -PollIntervalSec 0.05 -TimeoutSec 60").AssertNoErrors();

            Assert.Equal("DONE", result.Single<ExtraHopJob>().Status);
            var polls = Sim.RequestLog.Where(e => e.Path == "/api/v1/jobs/" + job.Id).ToList();
            Assert.Contains(polls, e => e.StatusCode == 503);
            Assert.Contains(polls, e => e.StatusCode == 404);
            Assert.Contains(result.Progress, p => p.StatusDescription.Contains("restart", StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void AFailedJobIsAnErrorRecordCarryingTheJob()
        {
            Sim["eh1"].Faults.FailJobAtStep(2, "image signature mismatch");
            ExtraHopJob job = StartUpgrade();
            PsResult result = Shell.Invoke("Wait-EHJob -Id $args[0] -PollIntervalSec 0.05", job.Id);

            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.JobFailed,", error.FullyQualifiedErrorId);
            Assert.Equal("image signature mismatch", Assert.IsType<ExtraHopJob>(error.TargetObject).Details);
        }

        [Fact]
        public void AJobTheApplianceTimesOutIsAJobTimedOutError()
        {
            Sim["eh1"].Faults.TimeOutJobAtStep(2);
            ExtraHopJob job = StartUpgrade();
            PsResult result = Shell.Invoke("Wait-EHJob -Id $args[0] -PollIntervalSec 0.05", job.Id);
            Assert.StartsWith("ExtraHop.JobTimedOut,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void ItsOwnTimeoutNamesTheJobTheApplianceAndHowToResume()
        {
            Sim["eh1"].Faults.UpgradeDurationFactor = 1000;
            ExtraHopJob job = StartUpgrade();
            PsResult result = Shell.Invoke("Wait-EHJob -Id $args[0] -TimeoutSec 1 -PollIntervalSec 0.05", job.Id);

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.WaitTimedOut,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains(job.Id, error.Exception.Message);
            Assert.Contains(Sim["eh1"].Server, error.Exception.Message);
            Assert.Equal($"Wait-EHJob -Id '{job.Id}' -Session '{Sim["eh1"].Server}'", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void AnUnknownJobIdFailsAtOnceInsteadOfPollingForever()
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            PsResult result = Shell.Invoke("Wait-EHJob -Id no-such-job -TimeoutSec 60 -PollIntervalSec 0.05");
            Assert.StartsWith("ExtraHop.NotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        }

        [Fact]
        public async Task CtrlCDuringAnUploadStopsPromptlyAndSendsNothingMore()
        {
            Shell.SetVariable("big", Temp.Image("9.9.2.1234", 64L * 1024 * 1024, "big-9.9.2.1234.tar"));
            Sim["eh1"].Faults.Hang(1, "/api/v1/extrahop/firmware");
            DateTimeOffset started = DateTimeOffset.Now;
            var (result, stop) = await Shell.InvokeAndStopAsync("Invoke-EHFirmwareUpgrade -Path $big -Force", async () =>
            {
                // The plan reads /extrahop just before the upload starts; the hung upload itself is never logged (it never ends).
                await WaitUntil(() => Sim.RequestLog.Any(e => e.Path == "/api/v1/extrahop" && e.Time > started));
                await Task.Delay(700);
            });
            AssertStoppedAndQuiet(result, stop);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Path.EndsWith("/upgrade", StringComparison.Ordinal));
        }

        [Fact]
        public async Task CtrlCDuringAWaitStopsPromptlyAndSendsNothingMore()
        {
            Sim["eh1"].Faults.UpgradeDurationFactor = 1000;
            var (result, stop) = await Shell.InvokeAndStopAsync("Invoke-EHFirmwareUpgrade -Path $img -Force -PollIntervalSec 0.05", async () =>
            {
                await WaitUntil(() => Sim.Events.Any(e => e.Kind == SimulatorEventKind.JobStarted));
                await Task.Delay(300);
            });
            AssertStoppedAndQuiet(result, stop);
        }

        private void AssertStoppedAndQuiet(PsResult result, TimeSpan stop)
        {
            Assert.IsType<PipelineStoppedException>(result.Terminating);
            Assert.True(stop < TimeSpan.FromSeconds(3), $"stopping took {stop}");
            // Stop returns only once the cmdlet's work has ended: nothing may reach the appliance afterwards.
            int requests = Sim.RequestLog.Count;
            Task.Delay(700).Wait();
            Assert.Equal(requests, Sim.RequestLog.Count);
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("the condition never came true");
                await Task.Delay(20);
            }
        }
    }
}
