using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Syntax;

namespace ExtraHop.HelpBuilder
{
    /// <summary>
    /// Reads the ```yaml block under a parameter: the simple "Key: value" lines PlatyPS writes (Type, Parameter
    /// Sets, Aliases, Accepted values, Required, Position, Default value, Accept pipeline input, Accept wildcard
    /// characters), each checked so that Get-Help never shows a value PowerShell would not.
    /// </summary>
    internal static class ParameterYaml
    {
        private static readonly string[] RequiredKeys = { "Type", "Parameter Sets", "Required", "Position", "Accept pipeline input", "Accept wildcard characters" };

        private static readonly Regex PipelineInput = new Regex(
            @"^(False|True \((ByValue|ByPropertyName|ByValue, ByPropertyName)\))$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The usage the block describes, or null when it has a problem (reported).</summary>
        public static ParameterUsage? Read(FencedCodeBlock block, string parameterName, HelpDiagnostics diagnostics)
        {
            var usage = new ParameterUsage(block.Line + 1);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            bool ok = true;
            for (int i = 0; i < block.Lines.Count; i++)
            {
                StringLine source = block.Lines.Lines[i];
                int line = source.Line + 1;
                string text = source.Slice.ToString().Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                int colon = text.IndexOf(':');
                if (colon <= 0)
                {
                    diagnostics.Error(line, $"'{text}' in the yaml of -{parameterName} is not 'Key: value'");
                    ok = false;
                    continue;
                }

                string key = text.Substring(0, colon).Trim();
                string value = text.Substring(colon + 1).Trim();
                if (!seen.Add(key))
                {
                    diagnostics.Error(line, $"'{key}' appears twice in the yaml of -{parameterName}");
                }

                string? problem = Apply(usage, key, value, parameterName);
                if (problem != null)
                {
                    diagnostics.Error(line, problem);
                    ok = false;
                }
            }

            foreach (string required in RequiredKeys.Where(k => !seen.Contains(k)))
            {
                diagnostics.Error(usage.Line, $"the yaml of -{parameterName} has no '{required}:'");
                ok = false;
            }

            if (usage.Type.Length == 0 && seen.Contains("Type"))
            {
                diagnostics.Error(usage.Line, $"the yaml of -{parameterName} has an empty Type");
                ok = false;
            }

            return ok ? usage : null;
        }

        /// <summary>Sets one key's value; returns what is wrong with it, or null.</summary>
        private static string? Apply(ParameterUsage usage, string key, string value, string name)
        {
            switch (key.ToLowerInvariant())
            {
                case "type":
                    usage.Type = value;
                    return null;
                case "parameter sets":
                    usage.ParameterSets.AddRange(SplitList(value));
                    return null;
                case "aliases":
                    usage.Aliases.AddRange(SplitList(value));
                    return null;
                case "accepted values":
                    usage.AcceptedValues.AddRange(SplitList(value));
                    return null;
                case "required":
                    return ReadBool(value, b => usage.Required = b) ? null : $"{key} of -{name} must be True or False, not '{value}'";
                case "position":
                    if (string.Equals(value, "Named", StringComparison.OrdinalIgnoreCase))
                    {
                        usage.Position = "Named";
                        return null;
                    }

                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int position))
                    {
                        usage.Position = position.ToString(CultureInfo.InvariantCulture);
                        return null;
                    }

                    return $"Position of -{name} must be 'Named' or a number, not '{value}'";
                case "default value":
                    usage.DefaultValue = value.Length == 0 ? "None" : value;
                    return null;
                case "accept pipeline input":
                    if (!PipelineInput.IsMatch(value))
                    {
                        return $"Accept pipeline input of -{name} must be False, True (ByValue), True (ByPropertyName) or True (ByValue, ByPropertyName), not '{value}'";
                    }

                    usage.PipelineInput = value;
                    return null;
                case "accept wildcard characters":
                    return ReadBool(value, b => usage.AcceptsWildcards = b) ? null : $"{key} of -{name} must be True or False, not '{value}'";
                default:
                    return $"unknown key '{key}' in the yaml of -{name}";
            }
        }

        private static bool ReadBool(string value, Action<bool> set)
        {
            if (!bool.TryParse(value, out bool result))
            {
                return false;
            }

            set(result);
            return true;
        }

        public static IEnumerable<string> SplitList(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);
    }
}
