using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace ExtraHop.Simulator.Tests.TestSupport;

/// <summary>The firmware steps many simulator tests share, spoken over raw HTTP as the official scripts do.</summary>
public static class Wire
{
    /// <summary>A 20-minute upgrade in half a second.</summary>
    public const double Fast = 2400;

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
