using System;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

/// <summary>What the simulator offers health checks: a job history with times, a certificate of its own per appliance, and a delay on every answer.</summary>
public sealed class HealthFixtureTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PastJobsAreListedWithTheirTimesAndRunningJobsHaveNoEndTime()
    {
        var sensor = Simulators.Sensor("eh1");
        sensor.JobHistory.Add(new PastJob { Status = "FAILED", Details = "disk full", EndedAgo = TimeSpan.FromHours(3) });
        await using var host = await Simulators.StartAsync(Wire.Fast, sensor, Simulators.Sensor("eh2"));
        using var client = new SimulatorClient(host);

        var past = Assert.Single((await client.GetAsync(host["eh1"], "/api/v1/jobs")).Json.EnumerateArray());
        Assert.Equal("FAILED", past.GetProperty("status").GetString());
        Assert.Equal("disk full", past.GetProperty("details").GetString());
        var ended = DateTimeOffset.FromUnixTimeMilliseconds(past.GetProperty("end_time").GetInt64());
        Assert.InRange(DateTimeOffset.UtcNow - ended, TimeSpan.FromHours(2.9), TimeSpan.FromHours(3.1));
        Assert.True(past.GetProperty("start_time").GetInt64() < past.GetProperty("end_time").GetInt64());
        var id = past.GetProperty("id").GetString()!;
        Assert.Equal("FAILED", (await client.GetAsync(host["eh1"], "/api/v1/jobs/" + id)).Json.GetProperty("status").GetString());

        host["eh2"].Faults.UpgradeDurationFactor = 100000;
        string location = await Wire.StartUpgradeAsync(client, host["eh2"], _temp.Image("9.9.2.1234"));
        var running = (await client.GetAsync(host["eh2"], location)).Json;
        Assert.Equal("RUNNING", running.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, running.GetProperty("end_time").ValueKind);
        Assert.InRange(DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(running.GetProperty("start_time").GetInt64()), TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task APastJobWithAnUnknownStatusIsRefusedAtStart()
    {
        var sensor = Simulators.Sensor("eh1");
        sensor.JobHistory.Add(new PastJob { Status = "BROKEN" });
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Simulators.StartAsync(Wire.Fast, sensor));
        Assert.Contains("BROKEN", refused.Message);
    }

    [Fact]
    public async Task AnApplianceWithACertificateLifetimeServesItsOwnCertificate()
    {
        var expiring = Simulators.Sensor("eh1");
        expiring.CertificateLifetime = TimeSpan.FromDays(5);
        await using var host = await Simulators.StartAsync(Wire.Fast, expiring, Simulators.Sensor("eh2"));

        Assert.NotEqual(host.CertificateSha256, host["eh1"].CertificateSha256);
        Assert.Equal(host.CertificateSha256, host["eh2"].CertificateSha256);
    }

    [Fact]
    public async Task AResponseDelayHoldsEveryAnswerAndANegativeOneIsRefused()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor("eh1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => host["eh1"].Faults.ResponseDelay = TimeSpan.FromSeconds(-1));
        host["eh1"].Faults.ResponseDelay = TimeSpan.FromMilliseconds(200);
        Assert.Equal(TimeSpan.FromMilliseconds(200), host["eh1"].Faults.ResponseDelay);
        using var client = new SimulatorClient(host);

        var started = DateTimeOffset.UtcNow;
        Assert.Equal(200, (await client.GetAsync(host["eh1"], "/api/v1/extrahop")).Status);
        // A lower bound only: the answer cannot come before the delay (no upper bound, so a busy machine cannot fail it).
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(190));
    }
}
