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
    /// <summary>Retries, timeouts and Ctrl+C as seen from the cmdlets.</summary>
    public sealed class ResilienceTests : IAsyncLifetime
    {
        private SimulatorHost sim = null!;
        private readonly HostedPowerShell shell = new HostedPowerShell();

        public async Task InitializeAsync()
        {
            sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            shell.Connect(sim, sim["eh1"], "-TimeoutSec 2 -MaximumRetryCount 3");
        }

        public async Task DisposeAsync()
        {
            shell.Dispose();
            await sim.DisposeAsync();
        }

        [Fact]
        public void TransientFailuresOfReadsAreRetried()
        {
            sim["eh1"].Faults.FailRequests(2, 503, "/api/v1/users");
            shell.Invoke("Get-EHUser").AssertNoErrors();
            Assert.Equal(new[] { 503, 503, 200 }, sim.RequestLog.Where(e => e.Path == "/api/v1/users").Select(e => e.StatusCode));
        }

        [Fact]
        public void RetryAfterIsHonoured()
        {
            sim["eh1"].Faults.RateLimit(1, 1, "/api/v1/users");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            shell.Invoke("Get-EHUser").AssertNoErrors();
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
            Assert.Equal(new[] { 429, 200 }, sim.RequestLog.Where(e => e.Path == "/api/v1/users").Select(e => e.StatusCode));
        }

        [Fact]
        public void RetriesAreBoundedAndTheLastFailureIsReported()
        {
            sim["eh1"].Faults.FailRequests(10, 502, "/api/v1/users");
            PsResult result = shell.Invoke("Get-EHUser");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.ServerError,", error.FullyQualifiedErrorId);
            Assert.Equal(4, sim.RequestLog.Count(e => e.Path == "/api/v1/users"));
        }

        [Fact]
        public void AHungRequestTimesOut()
        {
            sim["eh1"].Faults.Hang(10, "/api/v1/users");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            PsResult result = shell.Invoke("Get-EHUser");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.Timeout,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task CtrlCStopsAHungRequestPromptly()
        {
            sim["eh1"].Faults.Hang(1, "/api/v1/users");
            // A long per-request timeout so only Ctrl+C can end the call.
            shell.Connect(sim, sim["eh1"], "-TimeoutSec 600");
            var (result, stopDuration) = await shell.InvokeAndStopAsync("Get-EHUser", () => Task.Delay(500));
            Assert.IsType<PipelineStoppedException>(result.Terminating);
            Assert.True(stopDuration < TimeSpan.FromSeconds(3), $"stopping took {stopDuration}");
        }
    }
}
