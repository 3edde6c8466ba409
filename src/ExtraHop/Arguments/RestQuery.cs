using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace ExtraHop.Arguments
{
    /// <summary>
    /// -Query of Invoke-EHRestMethod as name=value pairs: an array value repeats the name, booleans are true/false as
    /// the API writes them, dates are ISO 8601, and a null value leaves the name out.
    /// </summary>
    internal static class RestQuery
    {
        public static IEnumerable<KeyValuePair<string, string>> From(IDictionary? query)
        {
            if (query == null) yield break;
            foreach (DictionaryEntry entry in query)
            {
                string name = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                if (name.Length == 0) throw new ArgumentException("-Query has an entry without a name.");
                object? value = Unwrap(entry.Value);
                IEnumerable values = value is IEnumerable many && !(value is string) ? many : new[] { value };
                foreach (object? item in values)
                {
                    string? text = Text(Unwrap(item));
                    if (text != null) yield return new KeyValuePair<string, string>(name, text);
                }
            }
        }

        private static string? Text(object? value)
        {
            switch (value)
            {
                case null: return null;
                case bool flag: return flag ? "true" : "false";
                case DateTime time: return time.ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset time: return time.ToString("o", CultureInfo.InvariantCulture);
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
