using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Resources;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// GET /devices with paging (limit, offset) and a simple search (search_type any, name, ip address, mac address,
/// vendor, device_class with value), and GET /devices/{id}. The search types are INFERRED from the REST API Explorer;
/// unknown ones are a 400, so a script with a typo learns it here.
/// </summary>
internal static class DeviceEndpoints
{
    private static readonly Dictionary<string, Func<Device, string, bool>> Searches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = (d, v) => d.DefaultName.Contains(v, StringComparison.OrdinalIgnoreCase),
        ["ip address"] = (d, v) => d.Ipaddr4 == v,
        ["mac address"] = (d, v) => string.Equals(d.Macaddr, v, StringComparison.OrdinalIgnoreCase),
        ["vendor"] = (d, v) => string.Equals(d.Vendor, v, StringComparison.OrdinalIgnoreCase),
        ["device_class"] = (d, v) => string.Equals(d.DeviceClass, v, StringComparison.OrdinalIgnoreCase),
    };

    public static Task ListAsync(ApiContext c)
    {
        IEnumerable<Device> devices = DeviceCatalog.All;
        var searchType = c.Query("search_type") ?? "any";
        if (!string.Equals(searchType, "any", StringComparison.OrdinalIgnoreCase))
        {
            var match = Searches.TryGetValue(searchType, out var found) ? found : throw new ApiErrorException(400, $"Unknown search_type '{searchType}'; use any, {string.Join(", ", Searches.Keys)}");
            var value = c.Query("value") ?? throw new ApiErrorException(400, $"search_type '{searchType}' needs a value");
            devices = devices.Where(d => match(d, value));
        }

        var offset = Number(c, "offset") ?? 0;
        var limit = Number(c, "limit") ?? int.MaxValue;
        return c.OkAsync(devices.Skip(offset).Take(limit).ToArray());
    }

    public static Task GetAsync(ApiContext c)
    {
        var id = long.TryParse(c.RouteValue("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ApiErrorException(400, "id must be a number");
        return c.OkAsync(DeviceCatalog.Find(id) ?? throw new ApiErrorException(404, $"Device {id} does not exist"));
    }

    private static int? Number(ApiContext c, string name) =>
        c.Query(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ApiErrorException(400, $"{name} must be a whole number that is not negative");
}
