using System;
using System.Collections.Generic;
using System.Linq;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ExtraHop.HelpBuilder
{
    /// <summary>
    /// A help file as Markdig parsed it, arranged the way the PlatyPS schema reads it: the front matter, the
    /// "# Cmdlet-Name" heading, its "## SECTION"s, and their "### Subsection"s, each holding the blocks under it.
    /// </summary>
    internal sealed class MarkdownOutline
    {
        public static readonly string[] KnownSections =
        {
            "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

        private MarkdownOutline()
        {
        }

        public YamlFrontMatterBlock? FrontMatter { get; private set; }

        /// <summary>The line after the front matter (1-based), where a missing heading is reported.</summary>
        public int BodyLine { get; private set; } = 1;

        public string? Name { get; private set; }

        public int NameLine { get; private set; } = 1;

        public List<HelpSection> Sections { get; } = new List<HelpSection>();

        public static MarkdownOutline Read(string text, HelpDiagnostics diagnostics)
        {
            MarkdownDocument document = Markdown.Parse(text, Pipeline);
            var outline = new MarkdownOutline();
            HelpSection? section = null;
            HelpSection? sub = null;
            foreach (Block block in document)
            {
                int line = block.Line + 1;
                if (block is YamlFrontMatterBlock yaml)
                {
                    outline.FrontMatter = yaml;
                    outline.BodyLine = line + yaml.Lines.Count + 2;
                    continue;
                }

                if (block is FencedCodeBlock fence && fence.ClosingFencedCharCount == 0)
                {
                    diagnostics.Error(line, "a ``` code fence is never closed");
                }

                if (block is HeadingBlock heading)
                {
                    string title = HelpText.Inline(heading.Inline).Trim();
                    switch (heading.Level)
                    {
                        case 1:
                            if (outline.Name != null)
                            {
                                diagnostics.Error(line, "a second '# ' heading: one file documents one cmdlet");
                                continue;
                            }

                            outline.Name = title;
                            outline.NameLine = line;
                            continue;
                        case 2:
                            if (!KnownSections.Contains(title))
                            {
                                diagnostics.Error(line, $"unknown section '## {title}' (expected one of: {string.Join(", ", KnownSections)})");
                            }
                            else if (outline.Sections.Any(s => s.Title == title))
                            {
                                diagnostics.Error(line, $"the '## {title}' section appears twice");
                            }

                            section = new HelpSection(title, line);
                            outline.Sections.Add(section);
                            sub = null;
                            continue;
                        case 3 when section == null:
                            diagnostics.Error(line, "a '### ' heading outside any '## ' section");
                            continue;
                        case 3:
                            sub = new HelpSection(title, line);
                            section!.Subsections.Add(sub);
                            continue;
                        default:
                            diagnostics.Error(line, $"a level {heading.Level} heading: PlatyPS help uses only #, ## and ### headings");
                            continue;
                    }
                }

                if (sub != null)
                {
                    sub.Blocks.Add(block);
                }
                else if (section != null)
                {
                    section.Blocks.Add(block);
                }
                else
                {
                    diagnostics.Error(line, "text before the first '## ' section");
                }
            }

            return outline;
        }
    }

    /// <summary>A "## SECTION" or a "### Subsection": its title, the line of its heading, and what is under it.</summary>
    internal sealed class HelpSection
    {
        public HelpSection(string title, int line)
        {
            Title = title;
            Line = line;
        }

        public string Title { get; }

        public int Line { get; }

        public List<Block> Blocks { get; } = new List<Block>();

        public List<HelpSection> Subsections { get; } = new List<HelpSection>();
    }
}
