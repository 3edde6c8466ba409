using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExtraHop.Models;

namespace ExtraHop.RunningConfig
{
    /// <summary>
    /// The differences between two running configs, one per value: objects field by field (in name order, so the
    /// output is stable), arrays item by item by position. Numbers are equal when their values are (1.0 and 1).
    /// A value under a secret field (<see cref="SecretFields"/>) is never shown, only that it differs.
    /// </summary>
    internal static class ConfigComparer
    {
        private static readonly Regex PlainName = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        public static List<RunningConfigDifference> Compare(ConfigDocument reference, ConfigDocument difference)
        {
            var found = new List<RunningConfigDifference>();
            Walk(reference.Root, difference.Root, string.Empty, false, found);
            foreach (RunningConfigDifference item in found)
            {
                item.ReferenceSource = reference.Source;
                item.DifferenceSource = difference.Source;
            }
            return found;
        }

        private static void Walk(JsonElement left, JsonElement right, string path, bool secret, List<RunningConfigDifference> found)
        {
            if (left.ValueKind == JsonValueKind.Object && right.ValueKind == JsonValueKind.Object)
            {
                Dictionary<string, JsonElement> leftFields = Fields(left), rightFields = Fields(right);
                foreach (string name in leftFields.Keys.Union(rightFields.Keys).OrderBy(n => n, StringComparer.Ordinal))
                {
                    string child = Child(path, name);
                    bool childSecret = secret || SecretFields.IsSecret(name);
                    bool inLeft = leftFields.TryGetValue(name, out JsonElement leftValue);
                    bool inRight = rightFields.TryGetValue(name, out JsonElement rightValue);
                    if (inLeft && inRight) Walk(leftValue, rightValue, child, childSecret, found);
                    else found.Add(Make(child, inLeft ? RunningConfigChange.Removed : RunningConfigChange.Added, inLeft ? leftValue : (JsonElement?)null, inRight ? rightValue : (JsonElement?)null, childSecret));
                }
                return;
            }

            if (left.ValueKind == JsonValueKind.Array && right.ValueKind == JsonValueKind.Array)
            {
                JsonElement[] leftItems = left.EnumerateArray().ToArray(), rightItems = right.EnumerateArray().ToArray();
                for (int i = 0; i < Math.Max(leftItems.Length, rightItems.Length); i++)
                {
                    string child = $"{path}[{i}]";
                    if (i < leftItems.Length && i < rightItems.Length) Walk(leftItems[i], rightItems[i], child, secret, found);
                    else if (i < leftItems.Length) found.Add(Make(child, RunningConfigChange.Removed, leftItems[i], null, secret));
                    else found.Add(Make(child, RunningConfigChange.Added, null, rightItems[i], secret));
                }
                return;
            }

            if (!SameValue(left, right)) found.Add(Make(path.Length == 0 ? "$" : path, RunningConfigChange.Changed, left, right, secret));
        }

        /// <summary>The fields of an object; a name sent twice counts once, with its last value, as most JSON readers take it.</summary>
        private static Dictionary<string, JsonElement> Fields(JsonElement element)
        {
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (JsonProperty property in element.EnumerateObject()) fields[property.Name] = property.Value;
            return fields;
        }

        private static bool SameValue(JsonElement left, JsonElement right)
        {
            if (left.ValueKind != right.ValueKind) return false;
            switch (left.ValueKind)
            {
                case JsonValueKind.String:
                    return string.Equals(left.GetString(), right.GetString(), StringComparison.Ordinal);
                case JsonValueKind.Number:
                    return left.TryGetDecimal(out decimal a) && right.TryGetDecimal(out decimal b)
                        ? a == b
                        : left.GetRawText() == right.GetRawText();
                default:
                    // true, false, null: the kind says it all.
                    return true;
            }
        }

        private static RunningConfigDifference Make(string path, RunningConfigChange change, JsonElement? reference, JsonElement? difference, bool secret) => new RunningConfigDifference
        {
            Path = path,
            Change = change,
            ReferenceValue = Show(reference, secret),
            DifferenceValue = Show(difference, secret),
            Masked = secret,
        };

        private static string? Show(JsonElement? value, bool secret) =>
            value == null ? null : secret ? CanonicalJson.Mask : CanonicalJson.Compact(value.Value, maskSecrets: true);

        private static string Child(string path, string name)
        {
            if (!PlainName.IsMatch(name)) return $"{path}[{CanonicalJson.Quote(name)}]";
            return path.Length == 0 ? name : path + "." + name;
        }
    }
}
