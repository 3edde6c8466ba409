using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ExtraHop.Json
{
    /// <summary>
    /// Any JSON answer as plain .NET values that keep the order of fields: strings, longs, doubles, booleans, null,
    /// object arrays, and <see cref="JsonFields"/> for objects. The cmdlets turn these into PowerShell objects, so no
    /// JSON type leaves the client.
    /// </summary>
    /// <remarks>
    /// Read in one pass with a <see cref="Utf8JsonReader"/>: a JsonDocument would first index the whole answer and
    /// then be walked again, which a loop of Invoke-EHRestMethod calls pays for on every call. The reader checks the
    /// same things the document did (one value, nothing after it but white space, at most 64 levels deep).
    /// </remarks>
    internal static class JsonTree
    {
        public static object? Parse(string json)
        {
            int length = Encoding.UTF8.GetByteCount(json);
            byte[] utf8 = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                Encoding.UTF8.GetBytes(json, 0, json.Length, utf8, 0);
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(utf8, 0, length), new JsonReaderOptions());
                reader.Read();
                object? value = Read(ref reader);
                // Throws when anything but white space follows the value.
                reader.Read();
                return value;
            }
            catch (JsonException ex)
            {
                throw new FormatException("The appliance's answer is not JSON: " + ex.Message, ex);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(utf8);
            }
        }

        /// <summary>The value whose first token the reader is on; leaves the reader on its last token.</summary>
        private static object? Read(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var fields = new JsonFields();
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        string name = reader.GetString()!;
                        reader.Read();
                        fields.Add(new KeyValuePair<string, object?>(name, Read(ref reader)));
                    }
                    return fields;
                case JsonTokenType.StartArray:
                    var items = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(Read(ref reader));
                    return items.ToArray();
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    // As JsonModelReader.ToPlain reads numbers: whole numbers that fit as longs, the rest as doubles.
                    return reader.TryGetInt64(out long whole) ? whole : (object)reader.GetDouble();
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                default:
                    return null;
            }
        }
    }

    /// <summary>A JSON object's fields, in the order the appliance sent them.</summary>
    internal sealed class JsonFields : List<KeyValuePair<string, object?>>
    {
    }
}
