using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Resources;
using ExtraHop.Simulator.Security;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// Tags: read by anyone; created, renamed, deleted and assigned to devices by users who may change the appliance's
/// objects (write: full or system: full). POST /tags answers 201 with the new tag's relative Location, as the guide shows.
/// </summary>
internal static class TagEndpoints
{
    public static Task ListAsync(ApiContext c) => c.OkAsync(c.Appliance.Tags.All);

    public static Task GetAsync(ApiContext c) => c.OkAsync(Existing(c));

    public static Task CreateAsync(ApiContext c)
    {
        RequireWrite(c);
        var tag = c.Appliance.Tags.Add(Name(c.ReadJsonObject()), Now(c));
        return c.CreatedAsync(ApiPaths.Root + "/tags/" + tag.Id.ToString(CultureInfo.InvariantCulture));
    }

    public static Task RenameAsync(ApiContext c)
    {
        RequireWrite(c);
        var tag = Existing(c);
        c.Appliance.Tags.Rename(tag.Id, Name(c.ReadJsonObject()), Now(c));
        return c.NoContentAsync();
    }

    public static Task DeleteAsync(ApiContext c)
    {
        RequireWrite(c);
        c.Appliance.Tags.Remove(Existing(c).Id);
        return c.NoContentAsync();
    }

    /// <summary>POST /tags/{id}/devices {"assign": [...], "unassign": [...]}: device ids that must exist.</summary>
    public static Task AssignAsync(ApiContext c)
    {
        RequireWrite(c);
        var tag = Existing(c);
        var body = c.ReadJsonObject();
        var assign = DeviceIds(body, "assign");
        var unassign = DeviceIds(body, "unassign");
        c.Appliance.Tags.Assign(tag.Id, assign, unassign);
        return c.NoContentAsync();
    }

    public static Task ListDevicesAsync(ApiContext c)
    {
        var tag = Existing(c);
        return c.OkAsync(c.Appliance.Tags.DevicesOf(tag.Id).Select(id => DeviceCatalog.Find(id)!).ToArray());
    }

    private static Tag Existing(ApiContext c)
    {
        var id = long.TryParse(c.RouteValue("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ApiErrorException(400, "id must be a number");
        return c.Appliance.Tags.Find(id) ?? throw new ApiErrorException(404, $"Tag {id} does not exist");
    }

    private static void RequireWrite(ApiContext c)
    {
        if (!Privileges.CanChangeObjects(c.Caller!))
        {
            throw new ApiErrorException(403, "You do not have the privileges required for this operation (write: full)");
        }
    }

    private static string Name(JsonElement body) =>
        body.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString()!.Trim().Length > 0
            ? name.GetString()!
            : throw new ApiErrorException(400, "'name' (a non-empty string) is required");

    private static List<long> DeviceIds(JsonElement body, string field)
    {
        if (!body.TryGetProperty(field, out var list))
        {
            return new List<long>();
        }

        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.Number))
        {
            throw new ApiErrorException(400, $"'{field}' must be an array of device ids");
        }

        var ids = list.EnumerateArray().Select(i => i.GetInt64()).ToList();
        var unknown = ids.FirstOrDefault(id => DeviceCatalog.Find(id) is null, -1);
        return unknown == -1 ? ids : throw new ApiErrorException(400, $"Device {unknown} does not exist");
    }

    private static long Now(ApiContext c) => c.Engine.Host.Clock.WallNow.ToUnixTimeMilliseconds();
}
