using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ExtraHop.HelpBuilder
{
    /// <summary>
    /// What makes real PlatyPS read a help file differently from this builder, so that the help is the same
    /// whichever tool built it (build.ps1 uses PlatyPS's New-ExternalHelp where it is installed):
    /// <list type="bullet">
    /// <item>PlatyPS 0.14 joins a list item's wrapped lines to the items around it, keeping their indentation,
    /// so every list item must be one line.</item>
    /// <item>PlatyPS 0.14 makes one syntax per parameter set that some parameter's yaml names; a set whose
    /// parameters are all "(All)" gets no syntax at all. Some parameter must name each set.</item>
    /// <item>PlatyPS 1.0 wants Locale, ms.date and title in the front matter, and an empty "online version"
    /// is no address for Get-Help -Online: leave the key out until there is one.</item>
    /// </list>
    /// </summary>
    public static class PlatyPsParity
    {
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

        public static IReadOnlyList<HelpDiagnostic> Check(string markdown, CommandHelp command)
        {
            var diagnostics = new HelpDiagnostics(command.SourceFile);
            CheckListItems(markdown, diagnostics);
            CheckSetsAreNamed(command, diagnostics);
            CheckMetadata(command, diagnostics);
            return diagnostics.Items;
        }

        private static void CheckListItems(string markdown, HelpDiagnostics diagnostics)
        {
            MarkdownDocument document = Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline);
            foreach (ListItemBlock item in document.Descendants<ListItemBlock>())
            {
                foreach (ParagraphBlock paragraph in item.OfType<ParagraphBlock>())
                {
                    if (paragraph.Inline?.Descendants<LineBreakInline>().Any() == true)
                    {
                        diagnostics.Error(paragraph.Line + 1, "this list item wraps onto another line: write it on one line, or PlatyPS runs it into the items around it");
                    }
                }
            }
        }

        private static void CheckSetsAreNamed(CommandHelp command, HelpDiagnostics diagnostics)
        {
            if (command.SyntaxSets.Count < 2)
            {
                return;
            }

            foreach (SyntaxSet set in command.SyntaxSets)
            {
                bool named = command.Parameters.SelectMany(p => p.Usages).SelectMany(u => u.ParameterSets)
                    .Any(s => string.Equals(s, set.Name, StringComparison.OrdinalIgnoreCase));
                if (!named)
                {
                    diagnostics.Error(set.Line, $"no parameter's yaml names set '{set.Name}' (only '(All)' covers it), so PlatyPS would build no syntax for it: list the sets by name");
                }
            }
        }

        private static void CheckMetadata(CommandHelp command, HelpDiagnostics diagnostics)
        {
            foreach (string key in new[] { "Locale", "ms.date", "title" }.Where(k => !command.Metadata.TryGetValue(k, out string? v) || v.Length == 0))
            {
                diagnostics.Error(1, $"the front matter has no '{key}:', which PlatyPS 1.0 expects");
            }

            if (command.Metadata.TryGetValue("title", out string? title) && title.Length > 0 && title != command.Name)
            {
                diagnostics.Error(1, $"'title: {title}' should be the cmdlet's name, '{command.Name}'");
            }

            if (command.Metadata.TryGetValue("ms.date", out string? date) && date.Length > 0
                && !DateTime.TryParseExact(date, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                diagnostics.Error(1, $"'ms.date: {date}' is not a date as PlatyPS writes it (MM/dd/yyyy)");
            }

            if (command.Metadata.TryGetValue("online version", out string? online) && online.Length == 0)
            {
                diagnostics.Error(1, "'online version:' is empty, so Get-Help -Online has nothing to open: leave the key out until the help has an address");
            }
        }
    }
}
