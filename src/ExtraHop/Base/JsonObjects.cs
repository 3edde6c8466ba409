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
        public static object? ToPowerShell(object? value)
        {
            switch (value)
            {
                case JsonFields fields:
                    var result = new PSObject();
                    // JSON allows a name twice (and PowerShell names ignore case); a property cannot be added twice, so the
                    // first one wins. A set of the names is much cheaper than asking the object, which a loop of calls feels.
                    var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var field in fields)
                    {
                        // Checked for duplicates here, so PowerShell need not look the name up again (preValidated).
                        if (names.Add(field.Key)) result.Properties.Add(new PSNoteProperty(field.Key, ToPowerShell(field.Value)), true);
                    }
                    return result;
                case object?[] items:
                    var converted = new object?[items.Length];
                    for (int i = 0; i < items.Length; i++) converted[i] = ToPowerShell(items[i]);
                    return converted;
                default:
                    return value;
            }
        }
    }
}
