using System;
using System.Net.Http;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

public sealed class ScaleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FiftyAppliancesInOneHostUpgradeAtOnceAndAllCountAsBusy()
    {
        // 300x: a job lasts about five seconds, long enough for all fifty to overlap on a slow machine.
        await using var host = await Simulators.StartAsync(300, Enumerable.Range(1, 50).Select(i => Simulators.Sensor($"eh{i}")).ToArray());
        using var client = new SimulatorClient(host);
        var image = _temp.Image("9.9.2.1234");
        Assert.Equal(50, host.Appliances.Select(a => a.Port).Distinct().Count());

        var systems = await Task.WhenAll(host.Appliances.Select(a => client.GetAsync(a, "/api/v1/extrahop")));
        Assert.All(systems, s => Assert.Equal(200, s.Status));

        await Task.WhenAll(host.Appliances.Select(a => Wire.UploadFileAsync(client, a, image)));
        var upgrades = await Task.WhenAll(host.Appliances.Select(a => client.PostEmptyAsync(a, "/api/v1/extrahop/firmware/latest/upgrade")));
        var jobs = await Task.WhenAll(host.Appliances.Zip(upgrades, (a, u) => JobWatcher.WaitAsync(client, a, u.Location!, TimeSpan.FromSeconds(60))));

        Assert.All(jobs, j => Assert.Equal("DONE", j.Job.GetProperty("status").GetString()));
        Assert.All(host.Appliances, a => Assert.Equal("9.9.2.1234", a.CurrentVersion));
        Assert.Equal(50, host.MaxConcurrentBusy);
    }

    [Fact]
    public async Task MaxConcurrentBusyShowsAThrottledFleetNeverExceededItsThrottle()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Enumerable.Range(1, 8).Select(i => Simulators.Sensor($"eh{i}")).ToArray());
        using var client = new SimulatorClient(host);
        var image = _temp.Image("9.9.2.1234");
        using var throttle = new SemaphoreSlim(3);

        await Task.WhenAll(host.Appliances.Select(async appliance =>
        {
            await throttle.WaitAsync();
            try
            {
                var location = await Wire.StartUpgradeAsync(client, appliance, image);
                await JobWatcher.WaitAsync(client, appliance, location);
            }
            finally
            {
                throttle.Release();
            }
        }));

        Assert.Equal(3, host.MaxConcurrentBusy);
        host.ResetStatistics();
        Assert.Equal(0, host.MaxConcurrentBusy);
    }

    [Fact]
    public async Task UploadAloneCountsAsBusyOnlyWhileItArrives()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor("a"), Simulators.Sensor("b"));
        using var client = new SimulatorClient(host);
        var image = _temp.Image("9.9.2.1234");

        await Wire.UploadFileAsync(client, host["a"], image);
        await Wire.UploadFileAsync(client, host["b"], image);

        Assert.Equal(1, host.MaxConcurrentBusy);
    }

    [Fact]
    public async Task LargeUploadsStreamThroughWithoutBeingHeldInMemory()
    {
        const long size = 384L * 1024 * 1024;
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host, TimeSpan.FromMinutes(2));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(10);
            }
        });

        var content = new StreamContent(new GeneratedImageStream("9.9.2.1234", size), 64 * 1024);
        content.Headers.ContentLength = size;
        var response = await client.UploadAsync(host["eh1"], content);
        sampling.Cancel();
        await sampler;

        Assert.Equal(201, response.Status);
        Assert.Equal(size, host["eh1"].BytesReceivedLastUpload);
        // Holding the body would cost 384 MiB; streaming costs a few buffers (the bound leaves room for parallel tests).
        Assert.True(peak - before < 128L * 1024 * 1024, $"managed memory grew by {(peak - before) >> 20} MiB");
    }
}
