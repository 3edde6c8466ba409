using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ExtraHop.Models;

namespace ExtraHop.Licensing
{
    /// <summary>
    /// Reads the parts of GET /license whose encoding the reference leaves open (INFERRED), tolerating the plausible
    /// forms: expires_at in seconds or milliseconds since the epoch, or ISO text; expires_in in seconds when expires_at
    /// is missing; 0 or null meaning no end. Modules and options are maps of name to a flag, a value, or an object
    /// with "enabled".
    /// </summary>
    internal static class LicenseTerms
    {
        /// <summary>Epoch values above this are milliseconds (in seconds it would be the year 5138).</summary>
        private const long LargestSeconds = 100_000_000_000;

        public static void Fill(ExtraHopLicense license, DateTimeOffset now)
        {
            DateTimeOffset? expires = ExpiryOf(license.ExtensionData, now);
            if (expires.HasValue)
            {
                license.Expires = expires.Value.LocalDateTime;
                license.DaysLeft = (int)Math.Floor((expires.Value - now).TotalDays);
            }
            license.Modules = Enabled(license.ExtensionData, "modules");
            license.Options = Enabled(license.ExtensionData, "options");
        }

        private static DateTimeOffset? ExpiryOf(IDictionary<string, object?> fields, DateTimeOffset now)
        {
            if (fields.TryGetValue("expires_at", out object? at))
            {
                if (at is long epoch && epoch > 0) return epoch > LargestSeconds ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
                if (at is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed)) return parsed;
            }
            if (fields.TryGetValue("expires_in", out object? left) && left is long seconds && seconds > 0) return now.AddSeconds(seconds);
            return null;
        }

        private static string[] Enabled(IDictionary<string, object?> fields, string name)
        {
            if (!fields.TryGetValue(name, out object? value) || !(value is IDictionary<string, object?> map)) return new string[0];
            var enabled = new List<string>();
            foreach (KeyValuePair<string, object?> entry in map.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase))
            {
                object? setting = entry.Value is IDictionary<string, object?> nested && nested.TryGetValue("enabled", out object? flag) ? flag : entry.Value;
                switch (setting)
                {
                    case bool on:
                        if (on) enabled.Add(entry.Key);
                        break;
                    case null:
                        break;
                    case string text when text.Length == 0 || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("disabled", StringComparison.OrdinalIgnoreCase):
                        break;
                    case IEnumerable list when !(list is string):
                        enabled.Add(entry.Key);
                        break;
                    default:
                        enabled.Add(entry.Key + "=" + Convert.ToString(setting, CultureInfo.InvariantCulture));
                        break;
                }
            }
            return enabled.ToArray();
        }
    }
}
