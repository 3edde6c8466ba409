using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace ExtraHop.Simulator.Firmware;

/// <summary>ExtraHop firmware version strings ("9.8.1.1000"): validation and numeric ordering.</summary>
internal static partial class FirmwareVersion
{
    public static bool IsValid(string? text) => text is not null && Shape().IsMatch(text);

    /// <summary>Compares component by component as numbers, so "9.10" sorts after "9.9"; missing parts count as 0.</summary>
    public static int Compare(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? Part(a[i]) : 0;
            var y = i < b.Length ? Part(b[i]) : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }

    /// <summary>True when the version belongs to the release line: "9.8.1.1000" is in "9.8", not in "9.9" nor "9".</summary>
    public static bool IsInRelease(string version, string release)
    {
        var parts = version.Split('.');
        var line = release.Split('.');
        return parts.Length > line.Length && Compare(string.Join('.', parts.Take(line.Length)), release) == 0;
    }

    private static long Part(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    [GeneratedRegex(@"^[0-9]{1,9}(\.[0-9]{1,9}){1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
