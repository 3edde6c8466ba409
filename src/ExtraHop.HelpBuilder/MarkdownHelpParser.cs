using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ExtraHop.HelpBuilder
{
    /// <summary>What parsing one markdown file produced: the command (when the file could be read at all) and its problems.</summary>
    public sealed class ParseResult
    {
        public ParseResult(CommandHelp? command, IReadOnlyList<HelpDiagnostic> diagnostics)
        {
            Command = command;
            Diagnostics = diagnostics;
        }

        public CommandHelp? Command { get; }

        public IReadOnlyList<HelpDiagnostic> Diagnostics { get; }

        public bool Succeeded => Command != null && Diagnostics.Count == 0;
    }

    /// <summary>
    /// Reads one cmdlet help file in PlatyPS markdown (schema 2.0.0) and checks it is complete enough to ship:
    /// every problem is reported with the file and line so the author can go straight to it. Markdig parses the
    /// markdown; the classes this one calls know the PlatyPS schema, one section kind each.
    /// </summary>
    public static class MarkdownHelpParser
    {
        private static readonly string[] RequiredSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS" };

        // Template text PlatyPS leaves for the author, e.g. "{{ Fill in the Synopsis }}".
        private static readonly Regex Placeholder = new Regex(@"\{\{.*?\}\}", RegexOptions.CultureInvariant);

        public static ParseResult ParseFile(string path) => Parse(File.ReadAllText(path), path);

        /// <param name="text">The markdown.</param>
        /// <param name="file">The path used in messages; its base name must be the cmdlet name.</param>
        public static ParseResult Parse(string text, string file)
        {
            text = text.Replace("\r\n", "\n").Replace('\r', '\n');
            var diagnostics = new HelpDiagnostics(file);
            ReportPlaceholders(text, diagnostics);
            MarkdownOutline outline = MarkdownOutline.Read(text, diagnostics);
            Dictionary<string, string> metadata = FrontMatter.Read(outline, text, diagnostics);
            CommandHelp? command = outline.Name == null ? null : ReadCommand(outline, metadata, diagnostics);
            if (command == null)
            {
                diagnostics.Error(outline.BodyLine, "no '# Cmdlet-Name' heading");
            }

            return new ParseResult(command, diagnostics.Items);
        }

        private static CommandHelp ReadCommand(MarkdownOutline outline, Dictionary<string, string> metadata, HelpDiagnostics diagnostics)
        {
            string name = outline.Name!;
            var command = new CommandHelp(name, diagnostics.File);
            foreach (KeyValuePair<string, string> pair in metadata)
            {
                command.Metadata[pair.Key] = pair.Value;
            }

            if (!name.Contains('-'))
            {
                diagnostics.Error(outline.NameLine, $"'{name}' is not a Verb-Noun cmdlet name");
            }

            string baseName = Path.GetFileNameWithoutExtension(diagnostics.File);
            if (!string.Equals(baseName, name, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error(outline.NameLine, $"the file is named '{baseName}.md' but documents '{name}'");
            }

            foreach (string required in RequiredSections.Where(r => outline.Sections.All(s => s.Title != r)))
            {
                diagnostics.Error(outline.NameLine, $"the '## {required}' section is missing");
            }

            foreach (HelpSection section in outline.Sections)
            {
                ReadSection(section, command, diagnostics);
            }

            SyntaxConsistency.Check(command, diagnostics);
            return command;
        }

        private static void ReadSection(HelpSection section, CommandHelp command, HelpDiagnostics diagnostics)
        {
            switch (section.Title)
            {
                case "SYNOPSIS":
                    ReadText(section, command.Synopsis, diagnostics);
                    break;
                case "SYNTAX":
                    SyntaxReader.Read(section, command, diagnostics);
                    break;
                case "DESCRIPTION":
                    ReadText(section, command.Description, diagnostics);
                    break;
                case "EXAMPLES":
                    ExampleReader.Read(section, command, diagnostics);
                    break;
                case "PARAMETERS":
                    ParameterReader.Read(section, command, diagnostics);
                    break;
                case "INPUTS":
                    TypeReader.Read(section, command.Inputs, diagnostics);
                    break;
                case "OUTPUTS":
                    TypeReader.Read(section, command.Outputs, diagnostics);
                    break;
                case "NOTES":
                    command.Notes.AddRange(HelpText.Paragraphs(section.Blocks));
                    break;
                case "RELATED LINKS":
                    LinkReader.Read(section, command, diagnostics);
                    break;
            }
        }

        private static void ReadText(HelpSection section, List<string> target, HelpDiagnostics diagnostics)
        {
            SectionRules.RejectSubsections(section, diagnostics);
            target.AddRange(HelpText.Paragraphs(section.Blocks));
            if (target.Count == 0)
            {
                diagnostics.Error(section.Line, $"{section.Title} is empty");
            }
        }

        private static void ReportPlaceholders(string text, HelpDiagnostics diagnostics)
        {
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                Match m = Placeholder.Match(lines[i]);
                if (m.Success)
                {
                    diagnostics.Error(i + 1, $"placeholder '{m.Value}' is still there: replace it with real text");
                }
            }
        }
    }
}
