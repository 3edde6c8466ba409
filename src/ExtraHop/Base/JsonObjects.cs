using System;
using System.Collections.Generic;
using System.Management.Automation;
using ExtraHop.Json;

namespace ExtraHop.Base
{
    /// <summary>
    /// A JSON answer (as <see cref="JsonTree"/> gives it) as PowerShell objects, the way Invoke-RestMethod returns
    /// them: objects become [pscustomobject]s with their fields in order, arrays object arrays, values stay values.
    /// </summary>
    internal static class JsonObjects
    {
        /// <summary>Up to this many fields, duplicates are found by comparing with the names before; above it, with a set.</summary>
        private const int ScanLimit = 16;

        public static object? ToPowerShell(object? value)
        {
            switch (value)
            {
                case JsonFields fields:
                    return ToObject(fields);
                case object?[] items:
                    var converted = new object?[items.Length];
                    for (int i = 0; i < items.Length; i++) converted[i] = ToPowerShell(items[i]);
                    return converted;
                default:
                    return value;
            }
        }

        private static PSObject ToObject(JsonFields fields)
        {
            var result = new PSObject();
            PSMemberInfoCollection<PSPropertyInfo> properties = result.Properties;
            // JSON allows a name twice (and PowerShell names ignore case); a property cannot be added twice, so the first
            // one wins. Checked here, so PowerShell need not look the name up again (preValidated): asking the object is
            // much dearer, and a loop of calls feels it. Most objects have a few fields, where a scan is cheaper than a set.
            HashSet<string>? names = fields.Count > ScanLimit ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null;
            for (int i = 0; i < fields.Count; i++)
            {
                string name = fields[i].Key;
                bool first = names != null ? names.Add(name) : !NamedBefore(fields, i, name);
                if (first) properties.Add(new PSNoteProperty(name, ToPowerShell(fields[i].Value)), true);
            }
            return result;
        }

        private static bool NamedBefore(JsonFields fields, int index, string name)
        {
            for (int i = 0; i < index; i++)
            {
                if (string.Equals(fields[i].Key, name, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }
    }
}
