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
    public sealed class JobWaitTests : IAsyncLifetime
    {
        private readonly HostedPowerShell shell = new HostedPowerShell();
        private readonly TempFolder temp = new TempFolder();
        private SimulatorHost sim = null!;

        public async Task InitializeAsync()
        {
            sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            shell.Connect(sim, sim["eh1"]);
            shell.SetVariable("img", temp.Image("9.9.2.1234"));
        }

        public async Task DisposeAsync()
        {
            shell.Dispose();
            await sim.DisposeAsync();
            temp.Dispose();
        }

        private ExtraHopJob StartUpgrade() =>
            shell.Invoke("Invoke-EHFirmwareUpgrade -Path $img -NoWait -Force").AssertNoErrors().Single<ExtraHopJob>();

        [Fact]
        public void SurvivesARebootWithRefusedConnectionsHtml503AndABrief404()
        {
            // At this time scale: about 2 s of HTML 503 and half a second of 404, so 50 ms polls land in both
            // even when one poll hangs for a while as the listener comes back.
            sim["eh1"].Faults.BootingDuration = TimeSpan.FromMinutes(40);
            sim["eh1"].Faults.JobNotFoundAfterBoot = TimeSpan.FromMinutes(10);
            ExtraHopJob job = StartUpgrade();
            shell.SetVariable("job", job);

            PsResult result = shell.Invoke("Wait-EHJob -Job $job -PollIntervalSec 0.05 -TimeoutSec 60").AssertNoErrors();

            Assert.Equal("DONE", result.Single<ExtraHopJob>().Status);
            var polls = sim.RequestLog.Where(e => e.Path == "/api/v1/jobs/" + job.Id).ToList();
            Assert.Contains(polls, e => e.StatusCode == 503);
            Assert.Contains(polls, e => e.StatusCode == 404);
            Assert.Contains(result.Progress, p => p.StatusDescription.Contains("restart", StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void AFailedJobIsAnErrorRecordCarryingTheJob()
        {
            sim["eh1"].Faults.FailJobAtStep(2, "image signature mismatch");
            ExtraHopJob job = StartUpgrade();
            PsResult result = shell.Invoke("Wait-EHJob -Id $args[0] -PollIntervalSec 0.05", job.Id);

            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.JobFailed,", error.FullyQualifiedErrorId);
            Assert.Equal("image signature mismatch", Assert.IsType<ExtraHopJob>(error.TargetObject).Details);
        }

        [Fact]
        public void AJobTheApplianceTimesOutIsAJobTimedOutError()
        {
            sim["eh1"].Faults.TimeOutJobAtStep(2);
            ExtraHopJob job = StartUpgrade();
            PsResult result = shell.Invoke("Wait-EHJob -Id $args[0] -PollIntervalSec 0.05", job.Id);
            Assert.StartsWith("ExtraHop.JobTimedOut,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void ItsOwnTimeoutNamesTheJobTheApplianceAndHowToResume()
        {
            sim["eh1"].Faults.UpgradeDurationFactor = 1000;
            ExtraHopJob job = StartUpgrade();
            PsResult result = shell.Invoke("Wait-EHJob -Id $args[0] -TimeoutSec 1 -PollIntervalSec 0.05", job.Id);

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.WaitTimedOut,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains(job.Id, error.Exception.Message);
            Assert.Contains(sim["eh1"].Server, error.Exception.Message);
            Assert.Equal($"Wait-EHJob -Id '{job.Id}' -Session '{sim["eh1"].Server}'", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void AnUnknownJobIdFailsAtOnceInsteadOfPollingForever()
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            PsResult result = shell.Invoke("Wait-EHJob -Id no-such-job -TimeoutSec 60 -PollIntervalSec 0.05");
            Assert.StartsWith("ExtraHop.NotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        }

        [Fact]
        public async Task CtrlCDuringAnUploadStopsPromptlyAndSendsNothingMore()
        {
            shell.SetVariable("big", temp.Image("9.9.2.1234", 64L * 1024 * 1024, "big-9.9.2.1234.tar"));
            sim["eh1"].Faults.Hang(1, "/api/v1/extrahop/firmware");
            DateTimeOffset started = DateTimeOffset.Now;
            var (result, stop) = await shell.InvokeAndStopAsync("Invoke-EHFirmwareUpgrade -Path $big -Force", async () =>
            {
                // The plan reads /extrahop just before the upload starts; the hung upload itself is never logged (it never ends).
                await WaitUntil(() => sim.RequestLog.Any(e => e.Path == "/api/v1/extrahop" && e.Time > started));
                await Task.Delay(700);
            });
            AssertStoppedAndQuiet(result, stop);
            Assert.DoesNotContain(sim.RequestLog, e => e.Path.EndsWith("/upgrade", StringComparison.Ordinal));
        }

        [Fact]
        public async Task CtrlCDuringAWaitStopsPromptlyAndSendsNothingMore()
        {
            sim["eh1"].Faults.UpgradeDurationFactor = 1000;
            var (result, stop) = await shell.InvokeAndStopAsync("Invoke-EHFirmwareUpgrade -Path $img -Force -PollIntervalSec 0.05", async () =>
            {
                await WaitUntil(() => sim.Events.Any(e => e.Kind == SimulatorEventKind.JobStarted));
                await Task.Delay(300);
            });
            AssertStoppedAndQuiet(result, stop);
        }

        private void AssertStoppedAndQuiet(PsResult result, TimeSpan stop)
        {
            Assert.IsType<PipelineStoppedException>(result.Terminating);
            Assert.True(stop < TimeSpan.FromSeconds(3), $"stopping took {stop}");
            // Stop returns only once the cmdlet's work has ended: nothing may reach the appliance afterwards.
            int requests = sim.RequestLog.Count;
            Task.Delay(700).Wait();
            Assert.Equal(requests, sim.RequestLog.Count);
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
