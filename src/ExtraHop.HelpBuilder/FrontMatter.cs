using System;
using System.Collections.Generic;
using Markdig.Extensions.Yaml;

namespace ExtraHop.HelpBuilder
{
    /// <summary>
    /// The YAML front matter of a help file: simple "key: value" lines, as PlatyPS writes them. The builder
    /// reads schema 2.0.0, PlatyPS's markdown format.
    /// </summary>
    internal static class FrontMatter
    {
        public static Dictionary<string, string> Read(MarkdownOutline outline, string text, HelpDiagnostics diagnostics)
        {
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            YamlFrontMatterBlock? block = outline.FrontMatter;
            if (block == null)
            {
                diagnostics.Error(1, text.StartsWith("---", StringComparison.Ordinal)
                    ? "the front matter has no closing '---'"
                    : "the file must start with YAML front matter ('---', 'schema: 2.0.0', ..., '---')");
                return metadata;
            }

            for (int i = 0; i < block.Lines.Count; i++)
            {
                string line = block.Lines.Lines[i].Slice.ToString();
                if (line.Trim().Length == 0 || line.Trim() == "---")
                {
                    continue;
                }

                int colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    diagnostics.Error(block.Lines.Lines[i].Line + 1, $"front matter line '{line.Trim()}' is not 'key: value'");
                    continue;
                }

                metadata[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }

            if (!metadata.TryGetValue("schema", out string? schema) || schema != "2.0.0")
            {
                diagnostics.Error(1, "the front matter must say 'schema: 2.0.0' (the PlatyPS markdown format this builder reads)");
            }

            return metadata;
        }
    }
}
