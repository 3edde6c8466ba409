using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ExtraHop.Simulator.Recording;

/// <summary>
/// Request bodies for the log, with every "password" field's value replaced (at any depth), so a test can see which
/// fields a client sent without the log ever holding a password. A body that is not JSON is not logged at all.
/// </summary>
internal static class BodyRedactor
{
    public const string Mask = "***";

    public static string? WithoutPasswords(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(document.RootElement, writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    // A pairing token (POST /appliances) proves the right to connect, as a password does.
                    if (property.Name.Contains("password", StringComparison.OrdinalIgnoreCase) || property.Name.Contains("pairing_token", StringComparison.OrdinalIgnoreCase))
                    {
                        writer.WriteStringValue(Mask);
                    }
                    else
                    {
                        Write(property.Value, writer);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
