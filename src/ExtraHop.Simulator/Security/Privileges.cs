using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Security;

/// <summary>
/// The privilege levels of the REST API guide's "Privilege levels" table (9.9; 9.0 adds <c>detections</c>), and
/// what a user may do with them: <c>system: full</c> administers users and keys, <c>write: full</c> (or system)
/// changes the appliance's objects, and every level may read and change its own key and password.
/// </summary>
internal static class Privileges
{
    /// <summary>Family -> the levels it accepts. A family left out of granted_roles (or null) is not granted.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Levels = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["system"] = new[] { "full" },
        ["write"] = new[] { "full", "limited", "personal" },
        ["metrics"] = new[] { "full", "restricted" },
        ["ndr"] = new[] { "full", "none" },
        ["npm"] = new[] { "full", "none" },
        ["packets"] = new[] { "full", "full_with_keys", "slices_only" },
        ["detections"] = new[] { "full", "none" },
    };

    /// <summary>What <c>system: full</c> implies: every family at its highest level (the guide: "perform any task").</summary>
    public static readonly IReadOnlyDictionary<string, string> EverythingFull = new Dictionary<string, string>
    {
        ["system"] = "full",
        ["write"] = "full",
        ["metrics"] = "full",
        ["ndr"] = "full",
        ["npm"] = "full",
        ["packets"] = "full",
    };

    /// <summary>Reads a granted_roles object from a request; an unknown family or level is a 400, as the appliance's schema check would answer.</summary>
    public static IReadOnlyDictionary<string, string> ReadGranted(JsonElement roles)
    {
        if (roles.ValueKind == JsonValueKind.Null)
        {
            return new Dictionary<string, string>();
        }

        if (roles.ValueKind != JsonValueKind.Object)
        {
            throw new ApiErrorException(400, "granted_roles must be an object of privilege family to level");
        }

        var granted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var family in roles.EnumerateObject())
        {
            if (!Levels.TryGetValue(family.Name, out var levels))
            {
                throw new ApiErrorException(400, $"Unknown privilege family '{family.Name}'; known: {string.Join(", ", Levels.Keys)}");
            }

            if (family.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var level = family.Value.ValueKind == JsonValueKind.String ? family.Value.GetString()! : family.Value.GetRawText();
            if (!levels.Contains(level, StringComparer.Ordinal))
            {
                throw new ApiErrorException(400, $"'{level}' is not a level of privilege family '{family.Name}'; allowed: {string.Join(", ", levels)}");
            }

            granted[family.Name] = level;
        }

        return granted;
    }

    /// <summary>The simulator has no user groups, so a user's effective privileges are the granted ones (system: full implies all).</summary>
    public static IReadOnlyDictionary<string, string> Effective(IReadOnlyDictionary<string, string> granted) =>
        granted.TryGetValue("system", out var system) && system == "full" ? EverythingFull : granted;

    /// <summary>"write": "full" performs any system task; <c>system: full</c> any task at all.</summary>
    public static bool CanChangeObjects(User user) =>
        user.HasSystemAccess || (user.EffectiveRoles.TryGetValue("write", out var write) && write == "full");
}
