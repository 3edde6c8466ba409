using System;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ExtraHop.RunningConfig
{
    /// <summary>
    /// JSON written the same way every time, whatever order the appliance sent the fields in: keys sorted by ordinal,
    /// two-space indentation, "\n" line ends on every operating system, a final newline. Two backups of an unchanged
    /// appliance are then the same bytes, and a change to one field is a one-line diff. Numbers keep the text the
    /// appliance sent (1.50 stays 1.50), and characters are not escaped beyond what JSON requires, so a backup reads
    /// like the config. With <c>maskSecrets</c> the values of secret fields (<see cref="SecretFields"/>) are replaced,
    /// for compare output; backups never mask.
    /// </summary>
    internal static class CanonicalJson
    {
        public const string Mask = "********";

        private static readonly JsonSerializerOptions StringOptions = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The backup form: indented, sorted, unmasked.</summary>
        public static string Indented(JsonElement element)
        {
            var text = new StringBuilder();
            Write(text, element, 0, indent: true, maskSecrets: false);
            return text.Append('\n').ToString();
        }

        /// <summary>One line, sorted, for a value in compare output.</summary>
        public static string Compact(JsonElement element, bool maskSecrets)
        {
            var text = new StringBuilder();
            Write(text, element, 0, indent: false, maskSecrets);
            return text.ToString();
        }

        public static string Quote(string value) => JsonSerializer.Serialize(value, StringOptions);

        private static void Write(StringBuilder text, JsonElement element, int depth, bool indent, bool maskSecrets)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    // A stable sort: a name the appliance sent twice keeps its two values in their order.
                    var properties = element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                    if (properties.Count == 0)
                    {
                        text.Append("{}");
                        return;
                    }
                    text.Append('{');
                    for (int i = 0; i < properties.Count; i++)
                    {
                        if (i > 0) text.Append(',');
                        NewLine(text, depth + 1, indent);
                        text.Append(Quote(properties[i].Name)).Append(indent ? ": " : ":");
                        if (maskSecrets && SecretFields.IsSecret(properties[i].Name)) text.Append(Quote(Mask));
                        else Write(text, properties[i].Value, depth + 1, indent, maskSecrets);
                    }
                    NewLine(text, depth, indent);
                    text.Append('}');
                    return;
                case JsonValueKind.Array:
                    if (element.GetArrayLength() == 0)
                    {
                        text.Append("[]");
                        return;
                    }
                    text.Append('[');
                    int index = 0;
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        if (index++ > 0) text.Append(',');
                        NewLine(text, depth + 1, indent);
                        Write(text, item, depth + 1, indent, maskSecrets);
                    }
                    NewLine(text, depth, indent);
                    text.Append(']');
                    return;
                case JsonValueKind.String:
                    text.Append(Quote(element.GetString() ?? string.Empty));
                    return;
                default:
                    // Numbers, true, false and null exactly as sent.
                    text.Append(element.GetRawText());
                    return;
            }
        }

        private static void NewLine(StringBuilder text, int depth, bool indent)
        {
            if (indent) text.Append('\n').Append(' ', depth * 2);
        }
    }
}
