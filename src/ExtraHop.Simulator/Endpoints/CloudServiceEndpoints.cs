using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// /appliances/{id}/cloudservices, where only id 0 is valid. The 9.0 guide marks the GET "only valid on consoles"
/// and has no POST; the 9.9 guide lets every role read it and adds the POST, whose only action is "unenroll".
/// Fields of the status are INFERRED (the guide does not name them).
/// </summary>
internal static class CloudServiceEndpoints
{
    public const string FirstVersionForEveryRole = "9.9";

    public static Task GetAsync(ApiContext c)
    {
        RequireLocal(c);
        if (!Is99OrLater(c))
        {
            ApplianceEndpoints.RequireConsole(c);
        }

        var enrolled = c.Appliance.Connected.CloudEnrolled;
        return c.OkAsync(new CloudStatus(enrolled, enrolled ? "connected" : "not enrolled", enrolled, enrolled ? c.Engine.Host.Clock.WallNow.AddMinutes(-5).ToUnixTimeMilliseconds() : null));
    }

    public static Task ChangeAsync(ApiContext c)
    {
        if (!Is99OrLater(c))
        {
            // The path exists for GET only on this firmware.
            c.Http.Response.Headers.Allow = "GET";
            throw new ApiErrorException(405, "Method POST is not allowed for this resource");
        }

        RequireLocal(c);
        var body = c.ReadJsonObject();
        var action = body.TryGetProperty("action", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (action != "unenroll")
        {
            throw new ApiErrorException(400, "action is required and must be \"unenroll\"");
        }

        c.Appliance.Connected.Unenroll();
        return c.CreatedAsync();
    }

    private static bool Is99OrLater(ApiContext c) => FirmwareVersion.Compare(c.Engine.Facts().CurrentVersion, FirstVersionForEveryRole) >= 0;

    private static void RequireLocal(ApiContext c)
    {
        if (ApplianceEndpoints.Id(c, "id") != 0)
        {
            throw new ApiErrorException(400, "Cloud services are only available for the local appliance (id 0)");
        }
    }

    private sealed record CloudStatus(bool Enrolled, string Status, bool MachineLearningEnabled, long? LastContact);
}
