using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ExtraHop.Simulator.Resources;

/// <summary>
/// The devices an appliance has discovered: a fixed, predictable set, shaped like the REST API guide's example
/// device, so scripts can page through GET /devices and search it. Devices never change.
/// </summary>
internal static class DeviceCatalog
{
    public const int Count = 250;
    private const int FirstId = 10001;
    private static readonly string[] Vendors = { "Cisco", "Dell", "VMware", "Apple", "HP" };
    private static readonly string[] Classes = { "node", "gateway", "custom" };

    public static IReadOnlyList<Device> All { get; } = Enumerable.Range(0, Count).Select(Create).ToArray();

    public static Device? Find(long id) => All.FirstOrDefault(d => d.Id == id);

    private static Device Create(int index)
    {
        var vendor = Vendors[index % Vendors.Length];
        var discovered = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(index).ToUnixTimeMilliseconds();
        return new Device(
            FirstId + index,
            string.Create(CultureInfo.InvariantCulture, $"sim{index:D6}"),
            vendor,
            Classes[index % Classes.Length],
            string.Create(CultureInfo.InvariantCulture, $"10.0.{index / 250}.{(index % 250) + 1}"),
            string.Create(CultureInfo.InvariantCulture, $"00:50:56:00:{index / 256:X2}:{index % 256:X2}"),
            vendor + (index + 1).ToString(CultureInfo.InvariantCulture),
            discovered,
            discovered,
            0,
            true,
            1);
    }
}

/// <summary>One device as GET /devices returns it (a subset of the guide's example fields, snake_case on the wire).</summary>
internal sealed record Device(
    long Id,
    string ExtrahopId,
    string Vendor,
    string DeviceClass,
    string Ipaddr4,
    string Macaddr,
    string DefaultName,
    long DiscoverTime,
    long ModTime,
    int Vlanid,
    bool IsL3,
    int AnalysisLevel);
