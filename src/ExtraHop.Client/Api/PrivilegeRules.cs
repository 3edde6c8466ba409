using System;
using System.Collections.Generic;
using System.Linq;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>
    /// The privilege families and levels of the REST API guide's "Privilege levels" table: system, write, metrics,
    /// ndr, npm and packets (9.9), and detections (9.0, replaced by ndr later). A family that is not given is not
    /// granted. Privileges are checked here, before anything is sent, so a typo changes nothing on any appliance.
    /// Which families a given firmware accepts is left to the appliance: 9.0 knows detections, 9.9 ndr and npm.
    /// </summary>
    internal static class PrivilegeRules
    {
        public static readonly IReadOnlyList<KeyValuePair<string, string[]>> Levels = new[]
        {
            Family("system", "full"),
            Family("write", "full", "limited", "personal"),
            Family("metrics", "full", "restricted"),
            Family("ndr", "full", "none"),
            Family("npm", "full", "none"),
            Family("packets", "full", "full_with_keys", "slices_only"),
            Family("detections", "full", "none"),
        };

        /// <summary>
        /// Privileges from family/level pairs as the user wrote them: family names in any case, levels matched without
        /// case and written as the API spells them. Unknown families are kept aside (in ExtensionData) for
        /// <see cref="Validate"/> to report; an empty level means the family is not granted.
        /// </summary>
        public static UserPrivileges Build(IEnumerable<KeyValuePair<string, string?>> pairs)
        {
            var roles = new UserPrivileges();
            foreach (KeyValuePair<string, string?> pair in pairs)
            {
                string family = pair.Key.Trim();
                string? level = string.IsNullOrWhiteSpace(pair.Value) ? null : pair.Value!.Trim();
                string[]? known = LevelsOf(family);
                if (known == null)
                {
                    roles.ExtensionData[family] = level;
                    continue;
                }
                string canonical = known.FirstOrDefault(k => string.Equals(k, level, StringComparison.OrdinalIgnoreCase)) ?? level!;
                if (level != null) roles.Set(family.ToLowerInvariant(), canonical);
            }
            return roles;
        }

        /// <summary>Throws <see cref="InvalidPrivilegeException"/> naming every unknown family and every level a family does not have.</summary>
        public static void Validate(UserPrivileges roles)
        {
            var problems = new List<string>();
            foreach (string family in roles.ExtensionData.Keys)
            {
                problems.Add($"'{family}' is not a privilege family (families: {string.Join(", ", Levels.Select(l => l.Key))})");
            }
            foreach (KeyValuePair<string, string> granted in roles.Granted())
            {
                string[] known = LevelsOf(granted.Key)!;
                if (!known.Contains(granted.Value, StringComparer.Ordinal))
                {
                    problems.Add($"'{granted.Value}' is not a level of {granted.Key} (levels: {string.Join(", ", known)})");
                }
            }
            if (problems.Count > 0) throw new InvalidPrivilegeException("Invalid privileges: " + string.Join("; ", problems) + ".");
        }

        /// <summary>The granted_roles object to send: the granted families only, each with its level.</summary>
        public static Dictionary<string, string> ToWire(UserPrivileges roles) => roles.Granted().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        public static string[]? LevelsOf(string family) =>
            Levels.Where(l => string.Equals(l.Key, family, StringComparison.OrdinalIgnoreCase)).Select(l => l.Value).FirstOrDefault();

        private static KeyValuePair<string, string[]> Family(string name, params string[] levels) => new KeyValuePair<string, string[]>(name, levels);
    }

    /// <summary>A privilege family or level that the guide does not know; nothing was sent.</summary>
    public sealed class InvalidPrivilegeException : ArgumentException
    {
        public InvalidPrivilegeException(string message)
            : base(message)
        {
        }
    }
}
