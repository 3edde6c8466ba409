using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ExtraHop.Models;

namespace ExtraHop.Json
{
    /// <summary>
    /// Turns the appliance's JSON into the module's model classes. Models are plain classes (no JSON types in
    /// their public surface, so Windows PowerShell never needs System.Text.Json to show them); fields are matched
    /// by snake_case name, and every field the model does not know — newer firmware adds them — or whose shape
    /// differs from what we expect is kept in <see cref="ExtensibleModel.ExtensionData"/> instead of being lost
    /// or failing the call.
    /// </summary>
    internal static class JsonModelReader
    {
        private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> PropertyMaps =
            new ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>>();

        public static T Read<T>(string json) where T : new()
        {
            using (JsonDocument document = Parse(json))
            {
                return (T)ReadObject(document.RootElement, typeof(T));
            }
        }

        public static List<T> ReadList<T>(string json) where T : new()
        {
            using (JsonDocument document = Parse(json))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException($"Expected a JSON array but got {document.RootElement.ValueKind}.");
                }
                var items = new List<T>();
                foreach (JsonElement element in document.RootElement.EnumerateArray())
                {
                    items.Add((T)ReadObject(element, typeof(T)));
                }
                return items;
            }
        }

        /// <summary>The appliance's own words from an error body: error_message, or an OAuth error (and its description).</summary>
        public static string? ReadErrorMessage(string body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            try
            {
                using (JsonDocument document = JsonDocument.Parse(body))
                {
                    JsonElement root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object) return null;
                    if (root.TryGetProperty("error_message", out JsonElement message) && message.ValueKind == JsonValueKind.String)
                    {
                        return message.GetString();
                    }
                    if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.String)
                    {
                        string? text = error.GetString();
                        if (root.TryGetProperty("error_description", out JsonElement description) && description.ValueKind == JsonValueKind.String)
                        {
                            text += ": " + description.GetString();
                        }
                        return text;
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (an HTML page from a proxy or a booting appliance): there is no appliance message.
            }
            return null;
        }

        /// <summary>A JSON value as plain .NET data: strings, longs, doubles, bools, null, arrays and dictionaries.</summary>
        public static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: return element.GetString();
                case JsonValueKind.Number: return element.TryGetInt64(out long whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (JsonElement item in element.EnumerateArray()) list.Add(ToPlain(item));
                    return list.ToArray();
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (JsonProperty property in element.EnumerateObject()) map[property.Name] = ToPlain(property.Value);
                    return map;
                default: return null;
            }
        }

        private static JsonDocument Parse(string json)
        {
            try
            {
                return JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            }
            catch (JsonException ex)
            {
                throw new FormatException("The appliance's answer is not JSON: " + ex.Message, ex);
            }
        }

        private static object ReadObject(JsonElement element, Type type)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Expected a JSON object for {type.Name} but got {element.ValueKind}.");
            }

            object model = Activator.CreateInstance(type)!;
            Dictionary<string, PropertyInfo> properties = PropertyMaps.GetOrAdd(type, MapProperties);
            var extra = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty field in element.EnumerateObject())
            {
                if (properties.TryGetValue(field.Name, out PropertyInfo? property) && TryConvert(field.Value, property.PropertyType, out object? value))
                {
                    property.SetValue(model, value);
                }
                else
                {
                    extra[field.Name] = ToPlain(field.Value);
                }
            }

            if (model is ExtensibleModel extensible) extensible.ExtensionData = extra;
            return model;
        }

        private static bool TryConvert(JsonElement value, Type type, out object? result)
        {
            result = null;
            Type target = Nullable.GetUnderlyingType(type) ?? type;
            if (value.ValueKind == JsonValueKind.Null)
            {
                return !type.IsValueType || Nullable.GetUnderlyingType(type) != null;
            }

            try
            {
                if (target == typeof(string))
                {
                    result = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                    return true;
                }
                if (target == typeof(bool) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False))
                {
                    result = value.GetBoolean();
                    return true;
                }
                if (target == typeof(int) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int i))
                {
                    result = i;
                    return true;
                }
                if (target == typeof(long) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long l))
                {
                    result = l;
                    return true;
                }
                if (target == typeof(double) && value.ValueKind == JsonValueKind.Number)
                {
                    result = value.GetDouble();
                    return true;
                }
                if (target == typeof(DateTimeOffset))
                {
                    return TryReadTime(value, out result);
                }
                if (target == typeof(string[]) && value.ValueKind == JsonValueKind.Array)
                {
                    var strings = new List<string>();
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.String) return false;
                        strings.Add(item.GetString()!);
                    }
                    result = strings.ToArray();
                    return true;
                }
                if (target.IsArray && value.ValueKind == JsonValueKind.Array && IsModel(target.GetElementType()!))
                {
                    Type elementType = target.GetElementType()!;
                    var items = new ArrayList();
                    foreach (JsonElement item in value.EnumerateArray()) items.Add(ReadObject(item, elementType));
                    result = items.ToArray(elementType);
                    return true;
                }
                if (IsModel(target) && value.ValueKind == JsonValueKind.Object)
                {
                    result = ReadObject(value, target);
                    return true;
                }
            }
            catch (FormatException)
            {
                // A shape we did not expect: the caller keeps the raw value in the extension bag.
            }
            return false;
        }

        /// <summary>Times arrive as milliseconds since the epoch (most fields) or ISO 8601 text (some firmware).</summary>
        private static bool TryReadTime(JsonElement value, out object? result)
        {
            result = null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long milliseconds))
            {
                result = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
                return true;
            }
            if (value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
            {
                result = parsed;
                return true;
            }
            return false;
        }

        private static bool IsModel(Type type) => type.IsClass && type != typeof(string) && type.GetConstructor(Type.EmptyTypes) != null;

        private static Dictionary<string, PropertyInfo> MapProperties(Type type)
        {
            var map = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<NotFromApiAttribute>() != null || property.GetSetMethod(true) == null) continue;
                string name = property.GetCustomAttribute<ApiNameAttribute>()?.Name ?? SnakeCase(property.Name);
                map[name] = property;
            }
            return map;
        }

        internal static string SnakeCase(string pascal)
        {
            var text = new StringBuilder(pascal.Length + 8);
            for (int i = 0; i < pascal.Length; i++)
            {
                char c = pascal[i];
                if (char.IsUpper(c))
                {
                    if (i > 0 && (char.IsLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1]))))
                    {
                        text.Append('_');
                    }
                    text.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    text.Append(c);
                }
            }
            return text.ToString();
        }
    }
}
