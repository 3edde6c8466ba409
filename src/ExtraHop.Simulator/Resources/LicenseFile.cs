using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ExtraHop.Simulator.Resources;

/// <summary>
/// A license as PUT /license receives it. The guide does not show the body (UNKNOWN); the simulator takes the two
/// forms the module sends: a JSON object with license fields (edition, serial, expires_at in seconds since the
/// epoch, modules, options), or the armored text of a license file ("-----BEGIN ... LICENSE-----").
/// </summary>
internal sealed record LicenseFile(
    string Text,
    string? Edition,
    string? Serial,
    DateTimeOffset? ExpiresAt,
    Dictionary<string, object>? Modules,
    Dictionary<string, object>? Options)
{
    private static readonly string[] LicenseFields = { "edition", "serial", "expires_at", "modules", "options", "dossier", "product_key" };

    /// <summary>The license in the body, or null when the body is no license.</summary>
    public static LicenseFile? Parse(string? body)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith("-----BEGIN ", StringComparison.Ordinal) && text.Contains("LICENSE-----", StringComparison.Ordinal))
        {
            return new LicenseFile(text, null, null, null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !HasLicenseField(root))
            {
                return null;
            }

            return new LicenseFile(
                text,
                String(root, "edition"),
                String(root, "serial"),
                root.TryGetProperty("expires_at", out var at) && at.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
                Map(root, "modules"),
                Map(root, "options"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool HasLicenseField(JsonElement root)
    {
        foreach (var name in LicenseFields)
        {
            if (root.TryGetProperty(name, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, object>? Map(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var entry in value.EnumerateObject())
        {
            map[entry.Name] = entry.Value.Clone();
        }

        return map;
    }
}
