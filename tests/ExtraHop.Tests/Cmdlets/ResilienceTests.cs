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
    public sealed class ResilienceTests : SimulatorTest
    {

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"], "-TimeoutSec 2 -MaximumRetryCount 3");
        }

        [Fact]
        public void TransientFailuresOfReadsAreRetried()
        {
            Sim["eh1"].Faults.FailRequests(2, 503, "/api/v1/users");
            Shell.Invoke("Get-EHUser").AssertNoErrors();
            Assert.Equal(new[] { 503, 503, 200 }, Sim.RequestLog.Where(e => e.Path == "/api/v1/users").Select(e => e.StatusCode));
        }

        [Fact]
        public void RetryAfterIsHonoured()
        {
            Sim["eh1"].Faults.RateLimit(1, 1, "/api/v1/users");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Shell.Invoke("Get-EHUser").AssertNoErrors();
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
            Assert.Equal(new[] { 429, 200 }, Sim.RequestLog.Where(e => e.Path == "/api/v1/users").Select(e => e.StatusCode));
        }

        [Fact]
        public void RetriesAreBoundedAndTheLastFailureIsReported()
        {
            Sim["eh1"].Faults.FailRequests(10, 502, "/api/v1/users");
            PsResult result = Shell.Invoke("Get-EHUser");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.ServerError,", error.FullyQualifiedErrorId);
            Assert.Equal(4, Sim.RequestLog.Count(e => e.Path == "/api/v1/users"));
            Assert.EndsWith("Tried 4 times.", error.Exception.Message);
        }

        [Fact]
        public void APlainTextErrorShowsTheAppliancesWordsCleaned()
        {
            Sim["eh1"].Faults.FailRequestsWithText(1, 500, "Backend exploded\r\n\u001b[31m  while listing users\n", "/api/v1/users");
            PsResult result = Shell.Invoke("Get-EHUser");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.ServerError,", error.FullyQualifiedErrorId);
            Assert.EndsWith("failed with 500 (InternalServerError): Backend exploded [31m while listing users", error.Exception.Message);
            Assert.Equal("Backend exploded [31m while listing users", ((ExtraHopApiException)error.Exception).ApplianceMessage);
        }

        [Fact]
        public void AHungRequestTimesOut()
        {
            Sim["eh1"].Faults.Hang(10, "/api/v1/users");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            PsResult result = Shell.Invoke("Get-EHUser");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.Timeout,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task CtrlCStopsAHungRequestPromptly()
        {
            Sim["eh1"].Faults.Hang(1, "/api/v1/users");
            // A long per-request timeout so only Ctrl+C can end the call.
            Shell.Connect(Sim, Sim["eh1"], "-TimeoutSec 600");
            var (result, stopDuration) = await Shell.InvokeAndStopAsync("Get-EHUser", () => Task.Delay(500));
            Assert.IsType<PipelineStoppedException>(result.Terminating);
            Assert.True(stopDuration < TimeSpan.FromSeconds(3), $"stopping took {stopDuration}");
        }
    }
}
