using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

public sealed class UpgradeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task UploadStreamsTheImageReadsItsVersionAndAnswers201WithEmptyObject()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        var image = _temp.Image("9.9.2.1234", 3 * 1024 * 1024);

        var response = await Wire.UploadFileAsync(client, eh1, image);

        Assert.Equal(201, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("{}", response.Body);
        Assert.Equal("9.9.2.1234", eh1.UploadedVersion);
        Assert.Equal(new FileInfo(image).Length, eh1.BytesReceivedLastUpload);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(image))), eh1.LastUploadSha256);
        var firmware = (await client.GetAsync(eh1, "/api/v1/extrahop/firmware")).Json;
        Assert.Equal("9.8.1.1000", firmware.GetProperty("version").GetString());
        Assert.Equal("9.9.2.1234", firmware.GetProperty("uploaded_version").GetString());
        Assert.Equal(
            new[] { SimulatorEventKind.UploadStarted, SimulatorEventKind.UploadCompleted },
            host.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task SomethingThatIsNotAFirmwareImageIsRefusedWith400()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        var response = await client.UploadAsync(eh1, new ByteArrayContent(RandomNumberGenerator.GetBytes(100_000)));

        Assert.Equal(400, response.Status);
        Assert.Contains("not a firmware image", response.ErrorMessage);
        Assert.Null(eh1.UploadedVersion);
        Assert.Equal(100_000, eh1.BytesReceivedLastUpload);
        Assert.Equal(SimulatorEventKind.UploadFailed, host.Events[^1].Kind);
    }

    [Fact]
    public async Task UpgradeWithoutAnUploadedImageIs400()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);

        var response = await client.PostEmptyAsync(host["eh1"], "/api/v1/extrahop/firmware/latest/upgrade");

        Assert.Equal(400, response.Status);
        Assert.Contains("upload", response.ErrorMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UpgradeJobRunsThroughARebootAndEndsDoneOnTheNewVersionUnderTheSameJobId()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        // Downtime long enough (at 2400x: 1 s refused) to be seen by a 15 ms poll on a busy machine; booting
        // lasts until the poller has met the 503 page twice, because a fixed 0.5 s was once missed on CI.
        eh1.Faults.RebootDowntime = TimeSpan.FromMinutes(40);
        eh1.Faults.BootingDuration = TimeSpan.FromMinutes(20);
        eh1.Faults.MinimumBootingAnswers = 2;

        var location = await Wire.StartUpgradeAsync(client, eh1, _temp.Image("9.9.2.1234"));
        Assert.Matches("^/api/v1/jobs/[^/]+$", location);

        var (job, seen) = await JobWatcher.WaitAsync(client, eh1, location);

        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.Equal(location.Split('/')[^1], job.GetProperty("id").GetString());
        Assert.Equal(5, job.GetProperty("total_steps").GetInt32());
        Assert.Equal(0, job.GetProperty("remote_jobs").GetArrayLength());
        Assert.Equal("9.9.2.1234", eh1.CurrentVersion);
        Assert.Equal("9.9.2.1234", (await client.GetAsync(eh1, "/api/v1/extrahop")).Json.GetProperty("version").GetString());
        Assert.Equal("9.8.1.1000", (await client.GetAsync(eh1, "/api/v1/extrahop/firmware/previous")).Json.GetProperty("version").GetString());

        // Order of what a poller sees: running steps, then refused connections, then 503 HTML, then the job again.
        var refused = seen.ToList().IndexOf("refused");
        var booting = seen.ToList().IndexOf("503 text/html");
        Assert.True(refused > 0 && booting > refused, string.Join(", ", seen));
        Assert.StartsWith("RUNNING", seen[0]);
        Assert.Equal("DONE 5", seen[^1]);

        var kinds = host.Events.Where(e => e.Kind is not SimulatorEventKind.JobStep).Select(e => e.Kind).ToArray();
        Assert.Equal(
            new[]
            {
                SimulatorEventKind.UploadStarted, SimulatorEventKind.UploadCompleted, SimulatorEventKind.JobStarted,
                SimulatorEventKind.RebootStarted, SimulatorEventKind.BootStarted, SimulatorEventKind.Booted, SimulatorEventKind.JobFinished,
            },
            kinds);
        Assert.Equal(5, host.Events.Count(e => e.Kind == SimulatorEventKind.JobStep));
    }

    [Fact]
    public async Task JobStatusFieldsFollowTheDocumentedShape()
    {
        await using var host = await Simulators.StartAsync(100, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        var location = await Wire.StartUpgradeAsync(client, eh1, _temp.Image("9.9.2.1234"));
        var job = (await client.GetAsync(eh1, location)).Json;

        Assert.Equal(JsonValueKind.String, job.GetProperty("id").ValueKind);
        Assert.Equal("RUNNING", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("step_number").GetInt32());
        Assert.Equal("Validating firmware image", job.GetProperty("step_description").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("details").ValueKind);
        Assert.False(string.IsNullOrEmpty(job.GetProperty("type").GetString()));

        var all = (await client.GetAsync(eh1, "/api/v1/jobs")).Json;
        Assert.Equal(job.GetProperty("id").GetString(), all[0].GetProperty("id").GetString());
        Assert.Equal(404, (await client.GetAsync(eh1, "/api/v1/jobs/no-such-job")).Status);

        var second = await client.PostEmptyAsync(eh1, "/api/v1/extrahop/firmware/latest/upgrade");
        Assert.Equal(400, second.Status);
        Assert.Contains("in progress", second.ErrorMessage);
    }

    [Fact]
    public async Task DowngradeIsRefusedUnlessForced()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        Assert.Equal(201, (await Wire.UploadFileAsync(client, eh1, _temp.Image("9.7.0.900"))).Status);

        var refused = await client.PostEmptyAsync(eh1, "/api/v1/extrahop/firmware/latest/upgrade");
        Assert.Equal(400, refused.Status);
        Assert.Contains("downgrade", refused.ErrorMessage);
        Assert.Contains("force", refused.ErrorMessage);

        var forced = await client.PostJsonAsync(eh1, "/api/v1/extrahop/firmware/latest/upgrade", "{\"force\": true, \"restart_after\": true, \"silent\": false}");
        Assert.Equal(202, forced.Status);
        var (job, _) = await JobWatcher.WaitAsync(client, eh1, forced.Location!);
        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.Equal("9.7.0.900", eh1.CurrentVersion);
    }

    [Fact]
    public async Task MalformedJsonBodyIs400()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);

        var response = await client.PostJsonAsync(host["eh1"], "/api/v1/extrahop/firmware/latest/upgrade", "{\"force\": \"maybe\"}");

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task RestartRebootsWithoutAJobOrAVersionChange()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        var response = await client.PostEmptyAsync(eh1, "/api/v1/extrahop/restart");

        // The guide lists only firmware/latest/upgrade and sslcert as operations that create a job.
        Assert.Equal(202, response.Status);
        Assert.Null(response.Location);
        await JobWatcher.WaitUntilBootedAsync(client, host, eh1);
        Assert.Equal("9.8.1.1000", eh1.CurrentVersion);
        Assert.Contains(host.Events, e => e.Kind == SimulatorEventKind.RebootStarted);
        Assert.DoesNotContain(host.Events, e => e.Kind == SimulatorEventKind.JobStarted);
        Assert.Equal("[]", (await client.GetAsync(eh1, "/api/v1/jobs")).Body.Trim());
    }

    [Fact]
    public async Task RestartIsRefusedWhileAJobRuns()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.UpgradeDurationFactor = 1000;
        await Wire.StartUpgradeAsync(client, eh1, _temp.Image("9.9.1.1100"));

        var response = await client.PostEmptyAsync(eh1, "/api/v1/extrahop/restart");

        Assert.Equal(400, response.Status);
        Assert.Contains("job", response.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.False(eh1.IsRebooting);
    }

    [Fact]
    public async Task UploadWithChunkedBodyAndNoLengthWorks()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        var image = _temp.Image("9.9.1.1100", 500_000);

        await using var file = File.OpenRead(image);
        var content = new StreamContent(new NonSeekableStream(file));
        var response = await client.UploadAsync(eh1, content);

        Assert.Equal(201, response.Status);
        Assert.Equal("9.9.1.1100", eh1.UploadedVersion);
        Assert.Equal(new FileInfo(image).Length, eh1.BytesReceivedLastUpload);
    }
}
