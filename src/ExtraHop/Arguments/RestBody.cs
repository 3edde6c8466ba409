using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using ExtraHop.Api;

namespace ExtraHop.Arguments
{
    /// <summary>
    /// What -Body of Invoke-EHRestMethod becomes: a string or bytes as given (with -ContentType), anything else as JSON
    /// made from hashtables, [pscustomobject]s, arrays, strings, numbers, booleans, dates and null. Other objects are
    /// refused rather than guessed at (a process or a file would send dozens of fields nobody meant), and so are
    /// secrets (a SecureString or PSCredential would travel as clear text) and bodies nested deeper than JSON allows.
    /// </summary>
    internal static class RestBody
    {
        private const int MaxDepth = 64;

        public static RestContent? From(object? body, string? contentType)
        {
            object? value = Unwrap(body);
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return RestContent.Text(text, contentType);
                case byte[] bytes:
                    return RestContent.Bytes(bytes, contentType);
                default:
                    return RestContent.Json(ToPlain(body, 0), contentType);
            }
        }

        /// <summary>An object (hashtable, [pscustomobject], ...) as JSON text, by the same rules as an object -Body.</summary>
        public static string ToJsonText(object body)
        {
            try
            {
                return System.Text.Json.JsonSerializer.Serialize(ToPlain(body, 0), typeof(object));
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException || ex is NotSupportedException)
            {
                throw new InvalidBodyException("The object cannot be written as JSON: " + ex.Message);
            }
        }

        private static object? ToPlain(object? input, int depth)
        {
            if (depth > MaxDepth) throw new InvalidBodyException($"The body is nested more than {MaxDepth} levels deep, or refers to itself; JSON cannot hold it.");
            if (input is PSObject wrapped && wrapped.BaseObject is PSCustomObject)
            {
                var fields = new Dictionary<string, object?>();
                foreach (PSPropertyInfo property in wrapped.Properties) fields[property.Name] = ToPlain(property.Value, depth + 1);
                return fields;
            }

            object? value = Unwrap(input);
            switch (value)
            {
                case null:
                case DBNull _:
                    return null;
                case string _:
                case bool _:
                case int _:
                case long _:
                case short _:
                case byte _:
                case sbyte _:
                case ushort _:
                case uint _:
                case ulong _:
                case decimal _:
                    return value;
                case double d:
                    return double.IsNaN(d) || double.IsInfinity(d) ? throw new InvalidBodyException($"{d} is not a number JSON can hold.") : value;
                case float f:
                    return float.IsNaN(f) || float.IsInfinity(f) ? throw new InvalidBodyException($"{f} is not a number JSON can hold.") : (double)f;
                case char c:
                    return c.ToString();
                case DateTime time:
                    return time.ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset time:
                    return time.ToString("o", CultureInfo.InvariantCulture);
                case Guid _:
                case Uri _:
                case Enum _:
                    return value.ToString();
                case SecureString _:
                case PSCredential _:
                    throw new InvalidBodyException("The body holds a SecureString or PSCredential, which would be sent as clear text. Use New-EHUser or Set-EHUser for passwords, or put the text in the body yourself if you mean to.");
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>();
                    foreach (DictionaryEntry entry in dictionary) map[Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty] = ToPlain(entry.Value, depth + 1);
                    return map;
                case IEnumerable items:
                    var list = new List<object?>();
                    foreach (object? item in items) list.Add(ToPlain(item, depth + 1));
                    return list;
                default:
                    throw new InvalidBodyException($"A {value.GetType().FullName} cannot be sent as JSON. Give a hashtable, a [pscustomobject], an array, or the JSON text itself.");
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
    }
}
