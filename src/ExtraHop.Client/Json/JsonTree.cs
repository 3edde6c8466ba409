using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ExtraHop.Json
{
    /// <summary>
    /// Any JSON answer as plain .NET values that keep the order of fields: strings, longs, doubles, booleans, null,
    /// object arrays, and <see cref="JsonFields"/> for objects. The cmdlets turn these into PowerShell objects, so no
    /// JSON type leaves the client.
    /// </summary>
    internal static class JsonTree
    {
        public static object? Parse(string json)
        {
            try
            {
                using (JsonDocument document = JsonDocument.Parse(json))
                {
                    return Read(document.RootElement);
                }
            }
            catch (JsonException ex)
            {
                throw new FormatException("The appliance's answer is not JSON: " + ex.Message, ex);
            }
        }

        private static object? Read(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var fields = new JsonFields();
                    foreach (JsonProperty property in element.EnumerateObject()) fields.Add(new KeyValuePair<string, object?>(property.Name, Read(property.Value)));
                    return fields;
                case JsonValueKind.Array:
                    var items = new object?[element.GetArrayLength()];
                    int i = 0;
                    foreach (JsonElement item in element.EnumerateArray()) items[i++] = Read(item);
                    return items;
                default:
                    return JsonModelReader.ToPlain(element);
            }
        }
    }

    /// <summary>A JSON object's fields, in the order the appliance sent them.</summary>
    internal sealed class JsonFields : List<KeyValuePair<string, object?>>
    {
    }
}
