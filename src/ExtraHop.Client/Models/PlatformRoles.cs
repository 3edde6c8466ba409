using System;

namespace ExtraHop.Models
{
    /// <summary>
    /// Reads an appliance's role from the platform text of /extrahop. INFERRED: the wire reference does not pin
    /// down the platform values, so this accepts the API's appliance-type words (command, discover, explore,
    /// trace), the product names (console, sensor, recordstore, packetstore) and the old model prefixes
    /// (ECA, EDA, EXA, ETA), anywhere in the text and in any case. Anything else is Unknown, which the
    /// deployment planner reports instead of guessing.
    /// </summary>
    internal static class PlatformRoles
    {
        private static readonly (string Word, ApplianceRole Role)[] Words =
        {
            ("command", ApplianceRole.Console), ("console", ApplianceRole.Console), ("eca", ApplianceRole.Console),
            ("discover", ApplianceRole.Sensor), ("sensor", ApplianceRole.Sensor), ("eda", ApplianceRole.Sensor),
            ("explore", ApplianceRole.Recordstore), ("recordstore", ApplianceRole.Recordstore), ("exa", ApplianceRole.Recordstore),
            ("trace", ApplianceRole.Packetstore), ("packetstore", ApplianceRole.Packetstore), ("eta", ApplianceRole.Packetstore),
        };

        public static ApplianceRole FromPlatform(string? platform)
        {
            if (string.IsNullOrWhiteSpace(platform)) return ApplianceRole.Unknown;
            foreach ((string word, ApplianceRole role) in Words)
            {
                if (platform!.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0) return role;
            }
            return ApplianceRole.Unknown;
        }
    }
}
