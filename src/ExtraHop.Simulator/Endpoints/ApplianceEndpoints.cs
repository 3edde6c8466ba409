using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Resources;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// /appliances: the appliance itself (id 0) and, on a console, those connected to it; connecting, disconnecting,
/// product keys and IDS associations. Operations the guide marks "only valid on consoles" answer 400 with that
/// message on other roles (INFERRED: the guide does not say how an appliance refuses them). The 9.9 guide adds
/// the association operations (older firmware answers 404, as for any unknown path).
/// </summary>
internal static class ApplianceEndpoints
{
    public const string AssociationFirstVersion = "9.9";
    private static readonly string[] RemoteTypes = { "command", "discover", "explore", "trace" };

    public static Task ListAsync(ApiContext c)
    {
        var connected = c.Engine.Role == ApplianceRole.Console ? c.Appliance.Connected.All().Select(r => View(r, c)) : Enumerable.Empty<object>();
        return c.OkAsync(new[] { Local(c) }.Concat(connected).ToArray());
    }

    public static Task GetAsync(ApiContext c)
    {
        var id = Id(c, "id");
        if (id == 0)
        {
            return c.OkAsync(Local(c));
        }

        RequireConsole(c);
        return c.OkAsync(View(Existing(c, id), c));
    }

    /// <summary>Connects a remote appliance. It needs a pairing token or the remote's setup password (never echoed or logged).</summary>
    public static Task ConnectAsync(ApiContext c)
    {
        var body = c.ReadJsonObject();
        var host = Text(body, "host") ?? throw new ApiErrorException(400, "host is required");
        var type = Text(body, "remote_appliance_type");
        if (type is null || !RemoteTypes.Contains(type, StringComparer.Ordinal))
        {
            throw new ApiErrorException(400, "remote_appliance_type is required: command, discover, explore or trace");
        }

        if (!body.TryGetProperty("data_access", out var dataAccess) || (dataAccess.ValueKind != JsonValueKind.True && dataAccess.ValueKind != JsonValueKind.False))
        {
            throw new ApiErrorException(400, "data_access is required (true or false)");
        }

        if (string.IsNullOrEmpty(Text(body, "remote_pairing_token")) && string.IsNullOrEmpty(Text(body, "remote_setup_password")))
        {
            throw new ApiErrorException(400, "A remote_pairing_token or the remote appliance's remote_setup_password is required to connect it");
        }

        if (c.Appliance.Connected.All().Any(r => string.Equals(r.Hostname, host, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ApiErrorException(409, $"{host} is already connected to this appliance");
        }

        var role = type switch
        {
            "command" => ApplianceRole.Console,
            "explore" => ApplianceRole.Recordstore,
            "trace" => ApplianceRole.Packetstore,
            _ => ApplianceRole.Sensor,
        };
        var record = c.Appliance.Connected.Add(host, role, ids: false, c.Engine.Facts().CurrentVersion, dataAccess.GetBoolean(), Text(body, "local_nickname_for_remote"), c.Engine.Host.Clock.WallNow);
        return c.CreatedAsync(ApiPaths.Root + "/appliances/" + record.Id.ToString(CultureInfo.InvariantCulture));
    }

    public static Task DisconnectAsync(ApiContext c)
    {
        RequireConsole(c);
        var id = Id(c, "id");
        if (id == 0)
        {
            throw new ApiErrorException(400, "The local appliance cannot be disconnected from itself");
        }

        if (!c.Appliance.Connected.Remove(id))
        {
            throw NotFound(id);
        }

        return c.NoContentAsync();
    }

    public static Task GetProductKeyAsync(ApiContext c)
    {
        RequireConsole(c);
        var record = Existing(c, Id(c, "id"));
        return c.OkAsync(new[] { new ProductKeyView(record.ProductKey) });
    }

    public static Task GetAssociationAsync(ApiContext c)
    {
        var ids = IdsSensor(c);
        return c.OkAsync(new AssociationView(c.Appliance.Connected.AssociationOf(ids.Id)));
    }

    public static Task SetAssociationAsync(ApiContext c)
    {
        var ids = IdsSensor(c);
        var body = c.ReadJsonObject();
        if (!body.TryGetProperty("associated_sensor_id", out var value) || !value.TryGetInt64(out var sensorId))
        {
            throw new ApiErrorException(400, "associated_sensor_id is required (the packet sensor's id)");
        }

        var sensor = c.Appliance.Connected.Find(sensorId) ?? throw new ApiErrorException(400, $"No connected packet sensor has id {sensorId}");
        if (sensor.Role != ApplianceRole.Sensor || sensor.Ids)
        {
            throw new ApiErrorException(400, $"Appliance {sensorId} is not a packet sensor");
        }

        c.Appliance.Connected.Associate(ids.Id, sensorId);
        return c.NoContentAsync();
    }

    /// <summary>The guide's "only valid on consoles" as a 400 (the status is INFERRED).</summary>
    internal static void RequireConsole(ApiContext c)
    {
        if (c.Engine.Role != ApplianceRole.Console)
        {
            throw new ApiErrorException(400, "This operation is only valid on consoles");
        }
    }

    internal static long Id(ApiContext c, string name) =>
        long.TryParse(c.RouteValue(name), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ApiErrorException(400, $"Invalid appliance id '{c.RouteValue(name)}': an integer is expected");

    internal static ConnectedRecord Existing(ApiContext c, long id) => c.Appliance.Connected.Find(id) ?? throw NotFound(id);

    internal static object View(ConnectedRecord r, ApiContext c) => new ApplianceView(
        r.Id, Uuid(r.Hostname), r.Hostname, r.Nickname ?? r.Hostname, r.Nickname ?? string.Empty, r.Platform, r.Version, "nominal", "Connected", "direct",
        FakeFingerprint(r.Hostname), r.DataAccess, true, false, r.Role == ApplianceRole.Sensor, 1000, r.AddTime, c.Engine.Host.Clock.WallNow.ToUnixTimeMilliseconds());

    private static ApiErrorException NotFound(long id) => new(404, $"No appliance with id {id} is connected to this appliance");

    private static ConnectedRecord IdsSensor(ApiContext c)
    {
        if (FirmwareVersion.Compare(c.Engine.Facts().CurrentVersion, AssociationFirstVersion) < 0)
        {
            throw new ApiErrorException(404, $"The requested resource was not found: {c.Http.Request.Path}");
        }

        RequireConsole(c);
        var record = Existing(c, Id(c, "ids_id"));
        return record.Ids ? record : throw new ApiErrorException(400, $"Appliance {record.Id} is not an IDS sensor");
    }

    private static object Local(ApiContext c)
    {
        var platform = c.Engine.Role switch
        {
            ApplianceRole.Console => "command",
            ApplianceRole.Recordstore => "explore",
            ApplianceRole.Packetstore => "trace",
            _ => "discover",
        };
        return new ApplianceView(0, Uuid(c.Engine.Name), c.Engine.Name, c.Engine.Name, string.Empty, platform, c.Engine.Facts().CurrentVersion, "nominal", "Local appliance", "local",
            c.Appliance.Listener.CertificateSha256, true, false, false, c.Engine.Role == ApplianceRole.Sensor, 1000, null, null);
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Uuid(string name) => new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name))).ToString("D");

    private static string FakeFingerprint(string name) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));

    private sealed record ApplianceView(
        long Id, string Uuid, string Hostname, string DisplayName, string Nickname, string Platform, string FirmwareVersion, string LicenseStatus,
        string StatusMessage, string ConnectionType, string Fingerprint, bool DataAccess, bool ManagedByLocal, bool ManagesLocal,
        bool AnalysisLevelsManaged, long TotalCapacity, long? AddTime, long? SyncTime);

    private sealed record ProductKeyView(string ProductKey);

    private sealed record AssociationView(long? AssociatedSensorId);
}
