using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

public sealed class FaultTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FailedUploadsAreReceivedInFullThenAnsweredWithTheChosenError()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        var image = _temp.Image("9.9.2.1234", 300_000);
        eh1.Faults.FailUploads(2, 503, "Storage busy");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var failed = await Wire.UploadFileAsync(client, eh1, image);
            Assert.Equal(503, failed.Status);
            Assert.Equal("Storage busy", failed.ErrorMessage);
            Assert.Null(eh1.UploadedVersion);
        }

        Assert.Equal(201, (await Wire.UploadFileAsync(client, eh1, image)).Status);
        Assert.Equal("9.9.2.1234", eh1.UploadedVersion);
        Assert.Equal(2, host.Events.Count(e => e.Kind == SimulatorEventKind.UploadFailed));
    }

    [Fact]
    public async Task JobFailsAtTheChosenStepWithDetailsAndTheVersionStays()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.FailJobAtStep(2, "Disk full");

        var location = await Wire.StartUpgradeAsync(client, eh1, _temp.Image("9.9.2.1234"));
        var (job, _) = await JobWatcher.WaitAsync(client, eh1, location);

        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("step_number").GetInt32());
        Assert.Equal("Disk full", job.GetProperty("details").GetString());
        Assert.Equal("9.8.1.1000", eh1.CurrentVersion);
        Assert.DoesNotContain(host.Events, e => e.Kind == SimulatorEventKind.RebootStarted);

        // The fault was for one job only.
        var again = await client.PostEmptyAsync(eh1, "/api/v1/extrahop/firmware/latest/upgrade");
        Assert.Equal("DONE", (await JobWatcher.WaitAsync(client, eh1, again.Location!)).Job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task JobTimesOutAtTheChosenStep()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.TimeOutJobAtStep(3);

        var location = await Wire.StartUpgradeAsync(client, eh1, _temp.Image("9.9.2.1234"));
        var (job, _) = await JobWatcher.WaitAsync(client, eh1, location);

        Assert.Equal("TIMEOUT", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("step_number").GetInt32());
        Assert.Equal("9.8.1.1000", eh1.CurrentVersion);
    }

    [Fact]
    public async Task DurationFactorSlowsJobsDown()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor("slow"), Simulators.Sensor("normal"));
        using var client = new SimulatorClient(host);
        host["slow"].Faults.UpgradeDurationFactor = 100;
        var image = _temp.Image("9.9.2.1234");

        var slow = await Wire.StartUpgradeAsync(client, host["slow"], image);
        var normal = await Wire.StartUpgradeAsync(client, host["normal"], image);
        await JobWatcher.WaitAsync(client, host["normal"], normal);

        var job = (await client.GetAsync(host["slow"], slow)).Json;
        Assert.Equal("RUNNING", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("step_number").GetInt32());
    }

    [Fact]
    public async Task RateLimitAnswers429WithRetryAfterForMatchingPathsOnly()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.RateLimit(2, 7, "/extrahop/firmware");

        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/users")).Status);
        for (var i = 0; i < 2; i++)
        {
            var limited = await client.GetAsync(eh1, "/api/v1/extrahop/firmware/next");
            Assert.Equal(429, limited.Status);
            Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter!.Delta);
            Assert.False(string.IsNullOrEmpty(limited.ErrorMessage));
        }

        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/extrahop/firmware/next")).Status);
    }

    [Fact]
    public async Task FailRequestsAnswersTheChosenStatusWithErrorMessage()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.FailRequests(1, 502, "/api/v1/jobs");

        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/extrahop")).Status);
        var failed = await client.GetAsync(eh1, "/api/v1/jobs");
        Assert.Equal(502, failed.Status);
        Assert.Equal("application/json", failed.ContentType);
        Assert.False(string.IsNullOrEmpty(failed.ErrorMessage));
        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/jobs")).Status);
    }

    [Fact]
    public async Task HungRequestsStaySilentUntilTheClientGivesUp()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.Hang(1, "/extrahop");

        // The client gives up only once the appliance holds the request: a fixed client timeout could run out
        // before a loaded machine even delivered it, leaving the fault armed for the next request.
        using var giveUp = new System.Threading.CancellationTokenSource();
        var hung = client.GetAsync(eh1, "/api/v1/extrahop", cancellationToken: giveUp.Token);
        await WaitUntilAsync(() => eh1.Faults.HangsLeft == 0);
        Assert.False(hung.IsCompleted);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hung);

        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/extrahop")).Status);
        await WaitUntilAsync(() => host.RequestLog.Count == 2);
        Assert.Equal(0, host.RequestLog[0].StatusCode);
    }

    [Fact]
    public async Task DisposingTheHostReleasesHungRequests()
    {
        var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.Hang(1);

        var hanging = client.GetAsync(eh1, "/api/v1/extrahop");
        await Task.Delay(200);
        var clock = Stopwatch.StartNew();
        await host.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => hanging);
    }

    [Fact]
    public async Task JobsCanBeNotFoundForAWhileAfterBootAndThenReachDone()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.JobNotFoundAfterBoot = TimeSpan.FromMinutes(20);
        eh1.Faults.MinimumJobNotFoundAnswers = 1; // a poll that hung while the port reopened cannot skip it

        var location = await Wire.StartUpgradeAsync(client, eh1, _temp.Image("9.9.2.1234"));
        var (job, seen) = await JobWatcher.WaitAsync(client, eh1, location);

        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.Contains("404 application/json", seen);
        Assert.True(seen.ToList().IndexOf("404 application/json") < seen.Count - 1);
    }

    [Fact]
    public async Task RebootTimingsFollowTheFaultSettings()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.RebootDowntime = TimeSpan.FromMinutes(40);
        eh1.Faults.BootingDuration = TimeSpan.Zero;

        var location = await Wire.StartUpgradeAsync(client, eh1, _temp.Image("9.9.2.1234"));
        await WaitUntilAsync(() => eh1.IsRebooting);
        var down = Stopwatch.StartNew();
        var (job, seen) = await JobWatcher.WaitAsync(client, eh1, location);

        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.DoesNotContain("503 text/html", seen);
        Assert.Contains("refused", seen);
        Assert.True(down.Elapsed >= TimeSpan.FromSeconds(0.8), $"down for {down.Elapsed}"); // 40 simulated minutes = 1 s
    }

    [Fact]
    public async Task BootingCanWaitForAnswersInsteadOfTime()
    {
        // Booting takes no simulated time at all here, so only the fault can make anyone meet the 503 page.
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.BootingDuration = TimeSpan.Zero;
        eh1.Faults.MinimumBootingAnswers = 2;

        var location = await Wire.StartUpgradeAsync(client, eh1, _temp.Image("9.9.2.1234"));
        var (job, seen) = await JobWatcher.WaitAsync(client, eh1, location);

        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.Contains("503 text/html", seen);
        Assert.Equal(2, host.RequestLog.Count(r => r.Appliance == "eh1" && r.StatusCode == 503));
        var events = host.Events.Where(e => e.Appliance == "eh1").Select(e => e.Kind).ToList();
        Assert.True(events.IndexOf(SimulatorEventKind.BootStarted) < events.IndexOf(SimulatorEventKind.Booted));
    }

    [Fact]
    public async Task TheJobCanStayNotFoundAfterBootForACountOfAnswers()
    {
        // No hidden time at all: only the fault can make a poller meet the 404, and it meets exactly three.
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.MinimumJobNotFoundAnswers = 3;

        var location = await Wire.StartUpgradeAsync(client, eh1, _temp.Image("9.9.2.1234"));
        var (job, seen) = await JobWatcher.WaitAsync(client, eh1, location);

        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.Contains("404 application/json", seen);
        Assert.Equal(3, host.RequestLog.Count(r => r.Appliance == "eh1" && r.Path == location && r.StatusCode == 404));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "condition not reached");
            await Task.Delay(10);
        }
    }
}
