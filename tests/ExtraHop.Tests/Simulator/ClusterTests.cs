using System;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

public sealed class ClusterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ClusterSettingsDescribeTheNodeAndExistOnlyOnRecordstores()
    {
        var quiet = Simulators.Recordstore("rs9", "c2", RecordstoreNodeKind.Data);
        quiet.ReportsNodeKind = false;
        await using var host = await Simulators.StartAsync(Wire.Fast, 
            Simulators.Recordstore("rs1", "c1", RecordstoreNodeKind.Manager), quiet, Simulators.Sensor("eh1"));
        using var client = new SimulatorClient(host);

        var rs1 = (await client.GetAsync(host["rs1"], "/api/v1/extrahop/cluster")).Json;
        Assert.True(rs1.GetProperty("ingest_enabled").GetBoolean());
        Assert.Equal("c1", rs1.GetProperty("cluster_id").GetString());
        Assert.Equal("manager", rs1.GetProperty("node_type").GetString());

        var rs9 = (await client.GetAsync(host["rs9"], "/api/v1/extrahop/cluster")).Json;
        Assert.False(rs9.TryGetProperty("node_type", out _));

        var sensor = await client.GetAsync(host["eh1"], "/api/v1/extrahop/cluster");
        Assert.Equal(404, sensor.Status);
        Assert.Contains("recordstore", sensor.ErrorMessage);
        Assert.False(host["eh1"].IngestEnabled);
    }

    [Fact]
    public async Task IngestIsOneSettingSharedByTheWholeCluster()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, 
            Simulators.Recordstore("rs1", "c1", RecordstoreNodeKind.Manager),
            Simulators.Recordstore("rs2", "c1", RecordstoreNodeKind.Data),
            Simulators.Recordstore("other", "c2", RecordstoreNodeKind.Manager));
        using var client = new SimulatorClient(host);

        var patch = await client.PatchJsonAsync(host["rs2"], "/api/v1/extrahop/cluster", "{\"ingest_enabled\": false}");

        Assert.Equal(204, patch.Status);
        Assert.False(host["rs1"].IngestEnabled);
        Assert.False((await client.GetAsync(host["rs1"], "/api/v1/extrahop/cluster")).Json.GetProperty("ingest_enabled").GetBoolean());
        Assert.True(host["other"].IngestEnabled);
        var changed = Assert.Single(host.Events, e => e.Kind == SimulatorEventKind.IngestChanged);
        Assert.Equal("cluster=c1 enabled=false", changed.Detail);
        Assert.Equal("rs2", changed.Appliance);

        Assert.Equal(400, (await client.PatchJsonAsync(host["rs1"], "/api/v1/extrahop/cluster", "{}")).Status);
    }

    [Fact]
    public async Task FirstNodeOfAClusterDecidesTheInitialIngest()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, 
            Simulators.Recordstore("rs1", "c1", RecordstoreNodeKind.Manager, ingestEnabled: false),
            Simulators.Recordstore("rs2", "c1", RecordstoreNodeKind.Data, ingestEnabled: true));

        Assert.False(host["rs2"].IngestEnabled);
        Assert.Equal("c1", host["rs2"].ClusterName);
    }

    [Fact]
    public async Task RecordstoreRefusesToUpgradeWhileItsClusterIngests()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, 
            Simulators.Recordstore("rs1", "c1", RecordstoreNodeKind.Manager),
            Simulators.Recordstore("rs2", "c1", RecordstoreNodeKind.Data));
        using var client = new SimulatorClient(host);
        var rs2 = host["rs2"];
        Assert.Equal(201, (await Wire.UploadFileAsync(client, rs2, _temp.Image("9.9.2.1234"))).Status);

        var refused = await client.PostEmptyAsync(rs2, "/api/v1/extrahop/firmware/latest/upgrade");
        Assert.Equal(400, refused.Status);
        Assert.Contains("ingest", refused.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        var forced = await client.PostJsonAsync(rs2, "/api/v1/extrahop/firmware/latest/upgrade", "{\"force\": true}");
        Assert.Equal(400, forced.Status);

        await client.PatchJsonAsync(host["rs1"], "/api/v1/extrahop/cluster", "{\"ingest_enabled\": false}");
        var accepted = await client.PostEmptyAsync(rs2, "/api/v1/extrahop/firmware/latest/upgrade");
        Assert.Equal(202, accepted.Status);
        Assert.Equal("DONE", (await JobWatcher.WaitAsync(client, rs2, accepted.Location!)).Job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task FailedIngestEnableChangesNothing()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Recordstore("rs1", "c1", RecordstoreNodeKind.Manager, ingestEnabled: false));
        using var client = new SimulatorClient(host);
        var rs1 = host["rs1"];
        rs1.Faults.FailIngestEnable(1);

        var failed = await client.PatchJsonAsync(rs1, "/api/v1/extrahop/cluster", "{\"ingest_enabled\": true}");
        Assert.Equal(500, failed.Status);
        Assert.False(string.IsNullOrEmpty(failed.ErrorMessage));
        Assert.False(rs1.IngestEnabled);
        Assert.DoesNotContain(host.Events, e => e.Kind == SimulatorEventKind.IngestChanged);

        Assert.Equal(204, (await client.PatchJsonAsync(rs1, "/api/v1/extrahop/cluster", "{\"ingest_enabled\": true}")).Status);
        Assert.True(rs1.IngestEnabled);
    }
}
