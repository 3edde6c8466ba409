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
                    foreach (var field in fields)
                    {
                        // JSON allows a name twice (and PowerShell names ignore case); a property cannot be added twice, so the first one wins.
                        if (result.Properties[field.Key] == null) result.Properties.Add(new PSNoteProperty(field.Key, ToPowerShell(field.Value)));
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
