using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

public sealed class DownloadAndRollbackTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task DownloadFromUrlThenUpgradeIsOneJob()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        var image = _temp.Image("9.9.2.1234", 2 * 1024 * 1024);
        var url = host.PublishFile("eda-9.9.2.tar", image);
        Assert.StartsWith("https://127.0.0.1:", url);

        var response = await client.PostJsonAsync(eh1, "/api/v1/extrahop/firmware/download/url", $"{{\"firmware_url\": \"{url}\", \"upgrade\": true}}");

        Assert.Equal(202, response.Status);
        Assert.StartsWith("/api/v1/jobs/", response.Location);
        var (job, _) = await JobWatcher.WaitAsync(client, eh1, response.Location!);
        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.Equal(6, job.GetProperty("total_steps").GetInt32());
        Assert.Equal("9.9.2.1234", eh1.CurrentVersion);
        Assert.Equal(new FileInfo(image).Length, eh1.BytesReceivedLastUpload);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(image))), eh1.LastUploadSha256);
        Assert.Contains(host.Events, e => e.Kind == SimulatorEventKind.RebootStarted);
    }

    [Fact]
    public async Task DownloadFromUrlWithoutUpgradeLeavesTheImageForLatestUpgrade()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        var url = host.PublishFile("image.tar", _temp.Image("9.9.1.1100"));

        var download = await client.PostJsonAsync(eh1, "/api/v1/extrahop/firmware/download/url", $"{{\"firmware_url\": \"{url}\", \"upgrade\": false}}");
        var (job, _) = await JobWatcher.WaitAsync(client, eh1, download.Location!);

        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("total_steps").GetInt32());
        Assert.Equal("9.8.1.1000", eh1.CurrentVersion);
        Assert.Equal("9.9.1.1100", eh1.UploadedVersion);
        var upgrade = await client.PostEmptyAsync(eh1, "/api/v1/extrahop/firmware/latest/upgrade");
        Assert.Equal(202, upgrade.Status);
    }

    [Theory]
    [InlineData("https://downloads.example.com/firmware.tar", "localhost")]
    [InlineData("https://127.0.0.1:{port}/files/missing.tar", "404")]
    public async Task UnreachableOrForeignUrlsFailTheJobWithDetails(string url, string detailPart)
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        var filesPort = new Uri(host.PublishFile("present.tar", _temp.Image("9.9.1.1100"))).Port;

        var response = await client.PostJsonAsync(eh1, "/api/v1/extrahop/firmware/download/url", $"{{\"firmware_url\": \"{url.Replace("{port}", filesPort.ToString())}\", \"upgrade\": true}}");
        var (job, _) = await JobWatcher.WaitAsync(client, eh1, response.Location!);

        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.Contains(detailPart, job.GetProperty("details").GetString());
        Assert.Equal("9.8.1.1000", eh1.CurrentVersion);
    }

    [Fact]
    public async Task DownloadedOlderImageFailsTheUpgradeUnlessForced()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        var url = host.PublishFile("old.tar", _temp.Image("9.6.0.500"));

        var refused = await client.PostJsonAsync(eh1, "/api/v1/extrahop/firmware/download/url", $"{{\"firmware_url\": \"{url}\", \"upgrade\": true}}");
        var (failed, _) = await JobWatcher.WaitAsync(client, eh1, refused.Location!);
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Contains("downgrade", failed.GetProperty("details").GetString());

        var forced = await client.PostJsonAsync(eh1, "/api/v1/extrahop/firmware/download/url", $"{{\"firmware_url\": \"{url}\", \"upgrade\": true, \"force\": true}}");
        Assert.Equal("DONE", (await JobWatcher.WaitAsync(client, eh1, forced.Location!)).Job.GetProperty("status").GetString());
        Assert.Equal("9.6.0.500", eh1.CurrentVersion);
    }

    [Fact]
    public async Task DownloadUrlNeedsAUrlAndIngestOff()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Recordstore("rs1", "c1", RecordstoreNodeKind.Manager));
        using var client = new SimulatorClient(host);
        var rs1 = host["rs1"];

        Assert.Equal(400, (await client.PostJsonAsync(rs1, "/api/v1/extrahop/firmware/download/url", "{\"upgrade\": true}")).Status);
        var ingesting = await client.PostJsonAsync(rs1, "/api/v1/extrahop/firmware/download/url", "{\"firmware_url\": \"https://localhost:1/x.tar\", \"upgrade\": true}");
        Assert.Equal(400, ingesting.Status);
        Assert.Contains("ingest", ingesting.ErrorMessage);
    }

    [Fact]
    public async Task CloudDownloadOfAListedVersionThenLatestUpgrade()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        Assert.Equal(400, (await client.PostJsonAsync(eh1, "/api/v1/extrahop/firmware/download/version", "{\"version\": \"9.9.9.9999\"}")).Status);

        var download = await client.PostJsonAsync(eh1, "/api/v1/extrahop/firmware/download/version", "{\"version\": \"9.9.1.1100\"}");
        Assert.Equal(202, download.Status);
        var (downloaded, _) = await JobWatcher.WaitAsync(client, eh1, download.Location!);
        Assert.Equal("DONE", downloaded.GetProperty("status").GetString());
        Assert.Equal("Firmware download", downloaded.GetProperty("type").GetString());
        Assert.Equal("9.9.1.1100", eh1.UploadedVersion);

        var upgrade = await client.PostEmptyAsync(eh1, "/api/v1/extrahop/firmware/latest/upgrade");
        Assert.Equal("DONE", (await JobWatcher.WaitAsync(client, eh1, upgrade.Location!)).Job.GetProperty("status").GetString());
        Assert.Equal("9.9.1.1100", eh1.CurrentVersion);
    }

    [Fact]
    public async Task CloudDownloadWithUpgradeInstallsInTheSameJob()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        var response = await client.PostJsonAsync(eh1, "/api/v1/extrahop/firmware/download/version", "{\"version\": \"9.9.2.1234\", \"upgrade\": true}");
        var (job, _) = await JobWatcher.WaitAsync(client, eh1, response.Location!);

        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.Equal("9.9.2.1234", eh1.CurrentVersion);
    }

    [Fact]
    public async Task NextListsOnlyNewerReleasesAndBuildsNewestFirst()
    {
        var options = new SimulatorOptions { TimeScale = Wire.Fast };
        options.CloudReleases.Clear();
        options.CloudReleases.Add(new FirmwareRelease("10.1", new[] { "10.1.0.200" }));
        options.CloudReleases.Add(new FirmwareRelease("9.9", new[] { "9.9.2.1234", "9.9.1.1100" }));
        options.CloudReleases.Add(new FirmwareRelease("9.8", new[] { "9.8.3.1500", "9.8.1.1000", "9.8.0.900" }));
        options.Appliances.Add(Simulators.Sensor());
        options.Appliances.Add(Simulators.Sensor("newest", "10.1.0.200"));
        await using var host = await SimulatorHost.StartAsync(options);
        using var client = new SimulatorClient(host);

        var next = (await client.GetAsync(host["eh1"], "/api/v1/extrahop/firmware/next")).Json.EnumerateArray().ToArray();

        Assert.Equal(new[] { "10.1", "9.9", "9.8" }, next.Select(r => r.GetProperty("release").GetString()));
        // eh1 runs 9.8.1.1000: its release line is 9.8, whatever else is newer.
        Assert.Equal(new[] { false, false, true }, next.Select(r => r.GetProperty("current_release").GetBoolean()));
        Assert.Equal(new[] { "9.9.2.1234", "9.9.1.1100" }, next[1].GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(new[] { "9.8.3.1500" }, next[2].GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(0, (await client.GetAsync(host["newest"], "/api/v1/extrahop/firmware/next")).Json.GetArrayLength());
    }

    [Fact]
    public async Task RollbackSwapsRunningAndPreviousFirmwareAfterAReboot()
    {
        var options = Simulators.Sensor(version: "9.9.2.1234");
        options.PreviousVersion = "9.8.1.1000";
        await using var host = await Simulators.StartAsync(Wire.Fast, options, Simulators.Sensor("fresh"));
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        var previous = (await client.GetAsync(eh1, "/api/v1/extrahop/firmware/previous")).Json;
        Assert.Equal("9.8.1.1000", previous.GetProperty("version").GetString());
        Assert.True(previous.GetProperty("backup_time").GetInt64() > 1_600_000_000_000);

        var rollback = await client.PostEmptyAsync(eh1, "/api/v1/extrahop/firmware/previous/rollback");
        Assert.Equal(202, rollback.Status);
        var (job, _) = await JobWatcher.WaitAsync(client, eh1, rollback.Location!);
        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.Equal("9.8.1.1000", eh1.CurrentVersion);
        Assert.Equal("9.9.2.1234", (await client.GetAsync(eh1, "/api/v1/extrahop/firmware/previous")).Json.GetProperty("version").GetString());
        Assert.Equal("version=9.8.1.1000", Assert.Single(host.Events, e => e.Kind == SimulatorEventKind.RolledBack).Detail);

        var none = await client.GetAsync(host["fresh"], "/api/v1/extrahop/firmware/previous");
        Assert.Equal(404, none.Status);
        Assert.False(string.IsNullOrEmpty(none.ErrorMessage));
        Assert.Equal(404, (await client.PostEmptyAsync(host["fresh"], "/api/v1/extrahop/firmware/previous/rollback")).Status);
    }
}
