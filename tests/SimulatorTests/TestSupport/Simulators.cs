using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace ExtraHop.Simulator.Tests.TestSupport;

/// <summary>Starting simulators and the firmware steps many tests share.</summary>
public static class Simulators
{
    /// <summary>A 20-minute upgrade in half a second.</summary>
    public const double Fast = 2400;

    public static Task<SimulatorHost> StartAsync(params ApplianceOptions[] appliances) => StartAsync(Fast, appliances);

    public static async Task<SimulatorHost> StartAsync(double timeScale, params ApplianceOptions[] appliances)
    {
        var options = new SimulatorOptions { TimeScale = timeScale };
        options.Appliances.AddRange(appliances);
        return await SimulatorHost.StartAsync(options);
    }

    public static ApplianceOptions Sensor(string name = "eh1", string version = "9.8.1.1000") =>
        new() { Name = name, Role = ApplianceRole.Sensor, Version = version };

    public static ApplianceOptions Recordstore(string name, string cluster, RecordstoreNodeKind kind, bool ingestEnabled = true) =>
        new() { Name = name, Role = ApplianceRole.Recordstore, ClusterName = cluster, NodeKind = kind, IngestEnabled = ingestEnabled };

    /// <summary>Streams an image file to the appliance as the official script does (raw body, firmware content type).</summary>
    public static async Task<ApiResponse> UploadFileAsync(SimulatorClient client, SimulatedAppliance appliance, string imagePath)
    {
        await using var file = File.OpenRead(imagePath);
        return await client.UploadAsync(appliance, new StreamContent(file));
    }

    /// <summary>Uploads an image and starts the upgrade; returns the job's location.</summary>
    public static async Task<string> StartUpgradeAsync(SimulatorClient client, SimulatedAppliance appliance, string imagePath)
    {
        var upload = await UploadFileAsync(client, appliance, imagePath);
        Assert.Equal(201, upload.Status);
        var upgrade = await client.PostEmptyAsync(appliance, "/api/v1/extrahop/firmware/latest/upgrade");
        Assert.Equal(202, upgrade.Status);
        return upgrade.Location!;
    }
}
