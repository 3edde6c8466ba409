using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
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
    /// every problem is reported with the file and line so the author can go straight to it.
    /// </summary>
    public sealed class MarkdownHelpParser
    {
        private static readonly string[] RequiredSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS" };

        private static readonly string[] KnownSections =
        {
            "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        // Template text PlatyPS leaves for the author, e.g. "{{ Fill in the Synopsis }}".
        private static readonly Regex Placeholder = new Regex(@"\{\{.*?\}\}", RegexOptions.CultureInvariant);

        // A parameter name in a syntax line: "-Name" right after a space or an opening bracket.
        private static readonly Regex SyntaxParameter = new Regex(@"(?<=[\s\[])-([A-Za-z][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

        private static readonly Regex PipelineInput = new Regex(
            @"^(False|True \((ByValue|ByPropertyName|ByValue, ByPropertyName)\))$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex Link = new Regex(@"^\[(?<text>[^\]]+)\]\((?<target>[^)]*)\)$", RegexOptions.CultureInvariant);

        private static readonly Regex ListItem = new Regex(@"^([-*+]|\d+\.)\s", RegexOptions.CultureInvariant);

        private readonly string _file;
        private readonly List<HelpDiagnostic> _diagnostics = new List<HelpDiagnostic>();

        private MarkdownHelpParser(string file)
        {
            _file = file;
        }

        public static ParseResult ParseFile(string path) => Parse(File.ReadAllText(path), path);

        /// <param name="text">The markdown.</param>
        /// <param name="file">The path used in messages; its base name must be the cmdlet name.</param>
        public static ParseResult Parse(string text, string file)
        {
            var parser = new MarkdownHelpParser(file);
            CommandHelp? command = parser.ParseDocument(SplitLines(text));
            return new ParseResult(command, parser._diagnostics);
        }

        private void Error(int line, string message) => _diagnostics.Add(new HelpDiagnostic(_file, line, message));

        private CommandHelp? ParseDocument(List<SourceLine> lines)
        {
            foreach (SourceLine line in lines)
            {
                Match m = Placeholder.Match(line.Text);
                if (m.Success)
                {
                    Error(line.Number, $"placeholder '{m.Value}' is still there: replace it with real text");
                }
            }

            int bodyStart = ReadFrontMatter(lines, out Dictionary<string, string> metadata);
            Document doc = Outline(lines, bodyStart);
            if (doc.Name == null)
            {
                Error(bodyStart < lines.Count ? lines[bodyStart].Number : 1, "no '# Cmdlet-Name' heading");
                return null;
            }

            var command = new CommandHelp(doc.Name, _file);
            foreach (KeyValuePair<string, string> pair in metadata)
            {
                command.Metadata[pair.Key] = pair.Value;
            }

            if (!doc.Name.Contains('-'))
            {
                Error(doc.NameLine, $"'{doc.Name}' is not a Verb-Noun cmdlet name");
            }

            string baseName = Path.GetFileNameWithoutExtension(_file);
            if (!string.Equals(baseName, doc.Name, StringComparison.OrdinalIgnoreCase))
            {
                Error(doc.NameLine, $"the file is named '{baseName}.md' but documents '{doc.Name}'");
            }

            foreach (string required in RequiredSections)
            {
                if (!doc.Sections.Any(s => s.Title == required))
                {
                    Error(doc.NameLine, $"the '## {required}' section is missing");
                }
            }

            foreach (Section section in doc.Sections)
            {
                switch (section.Title)
                {
                    case "SYNOPSIS":
                        ReadText(section, command.Synopsis, "SYNOPSIS");
                        break;
                    case "SYNTAX":
                        ReadSyntax(section, command);
                        break;
                    case "DESCRIPTION":
                        ReadText(section, command.Description, "DESCRIPTION");
                        break;
                    case "EXAMPLES":
                        ReadExamples(section, command);
                        break;
                    case "PARAMETERS":
                        ReadParameters(section, command);
                        break;
                    case "INPUTS":
                        ReadTypes(section, command.Inputs);
                        break;
                    case "OUTPUTS":
                        ReadTypes(section, command.Outputs);
                        break;
                    case "NOTES":
                        command.Notes.AddRange(Paragraphs(section.Body));
                        break;
                    case "RELATED LINKS":
                        ReadLinks(section, command);
                        break;
                }
            }

            CheckSyntaxAgainstParameters(command);
            return command;
        }

        private int ReadFrontMatter(List<SourceLine> lines, out Dictionary<string, string> metadata)
        {
            metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (lines.Count == 0 || lines[0].Text.Trim() != "---")
            {
                Error(1, "the file must start with YAML front matter ('---', 'schema: 2.0.0', ..., '---')");
                return 0;
            }

            int i = 1;
            for (; i < lines.Count && lines[i].Text.Trim() != "---"; i++)
            {
                string text = lines[i].Text;
                if (text.Trim().Length == 0)
                {
                    continue;
                }

                int colon = text.IndexOf(':');
                if (colon <= 0)
                {
                    Error(lines[i].Number, $"front matter line '{text.Trim()}' is not 'key: value'");
                    continue;
                }

                metadata[text.Substring(0, colon).Trim()] = text.Substring(colon + 1).Trim();
            }

            if (i == lines.Count)
            {
                Error(1, "the front matter has no closing '---'");
                return lines.Count;
            }

            if (!metadata.TryGetValue("schema", out string? schema) || schema != "2.0.0")
            {
                Error(1, "the front matter must say 'schema: 2.0.0' (the PlatyPS markdown format this builder reads)");
            }

            return i + 1;
        }

        private Document Outline(List<SourceLine> lines, int start)
        {
            var doc = new Document();
            Section? section = null;
            Section? sub = null;
            bool inFence = false;
            for (int i = start; i < lines.Count; i++)
            {
                SourceLine line = lines[i];
                if (line.Text.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }
                else if (!inFence && line.Text.StartsWith("# ", StringComparison.Ordinal))
                {
                    if (doc.Name != null)
                    {
                        Error(line.Number, "a second '# ' heading: one file documents one cmdlet");
                        continue;
                    }

                    doc.Name = line.Text.Substring(2).Trim();
                    doc.NameLine = line.Number;
                    continue;
                }
                else if (!inFence && line.Text.StartsWith("## ", StringComparison.Ordinal))
                {
                    string title = line.Text.Substring(3).Trim();
                    if (!KnownSections.Contains(title))
                    {
                        Error(line.Number, $"unknown section '## {title}' (expected one of: {string.Join(", ", KnownSections)})");
                    }
                    else if (doc.Sections.Any(s => s.Title == title))
                    {
                        Error(line.Number, $"the '## {title}' section appears twice");
                    }

                    section = new Section(title, line.Number);
                    doc.Sections.Add(section);
                    sub = null;
                    continue;
                }
                else if (!inFence && line.Text.StartsWith("### ", StringComparison.Ordinal))
                {
                    if (section == null)
                    {
                        Error(line.Number, "a '### ' heading outside any '## ' section");
                        continue;
                    }

                    sub = new Section(line.Text.Substring(4).Trim(), line.Number);
                    section.Subsections.Add(sub);
                    continue;
                }

                if (sub != null)
                {
                    sub.Body.Add(line);
                }
                else if (section != null)
                {
                    section.Body.Add(line);
                }
                else if (line.Text.Trim().Length > 0)
                {
                    Error(line.Number, "text before the first '## ' section");
                }
            }

            if (inFence)
            {
                Error(lines.Count == 0 ? 1 : lines[lines.Count - 1].Number, "a ``` code fence is never closed");
            }

            return doc;
        }

        private void ReadText(Section section, List<string> target, string what)
        {
            RejectSubsections(section);
            target.AddRange(Paragraphs(section.Body));
            if (target.Count == 0)
            {
                Error(section.Line, $"{what} is empty");
            }
        }

        private void RejectSubsections(Section section)
        {
            foreach (Section sub in section.Subsections)
            {
                Error(sub.Line, $"'## {section.Title}' takes no '### ' subsections");
            }
        }

        private void ReadSyntax(Section section, CommandHelp command)
        {
            if (section.Subsections.Count == 0)
            {
                // One unnamed parameter set: PlatyPS writes the syntax block straight under the heading.
                var set = new SyntaxSet("__AllParameterSets", true, section.Line);
                ReadSyntaxBlock(section.Body, set, command.Name, section.Line);
                command.SyntaxSets.Add(set);
                return;
            }

            RejectText(section.Body, "SYNTAX");
            foreach (Section sub in section.Subsections)
            {
                string name = sub.Title;
                bool isDefault = false;
                if (name.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase))
                {
                    isDefault = true;
                    name = name.Substring(0, name.Length - "(Default)".Length).Trim();
                }

                if (command.SyntaxSets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    Error(sub.Line, $"parameter set '{name}' is listed twice in SYNTAX");
                }

                var set = new SyntaxSet(name, isDefault, sub.Line);
                ReadSyntaxBlock(sub.Body, set, command.Name, sub.Line);
                command.SyntaxSets.Add(set);
            }

            if (command.SyntaxSets.Count(s => s.IsDefault) > 1)
            {
                Error(section.Line, "more than one parameter set is marked (Default)");
            }
        }

        private void ReadSyntaxBlock(List<SourceLine> body, SyntaxSet set, string commandName, int headingLine)
        {
            List<Block> blocks = Blocks(body);
            List<Block> code = blocks.Where(b => b.IsCode).ToList();
            if (code.Count != 1 || blocks.Count != 1)
            {
                Error(headingLine, "a syntax entry must hold exactly one ``` block with the syntax line and nothing else");
                if (code.Count == 0)
                {
                    return;
                }
            }

            Block block = code[0];
            set.Text = string.Join(" ", block.Lines.Select(l => l.Text.Trim()).Where(t => t.Length > 0));
            string firstWord = set.Text.Split(' ')[0];
            if (!string.Equals(firstWord, commandName, StringComparison.OrdinalIgnoreCase))
            {
                Error(block.Line, $"the syntax line starts with '{firstWord}', not '{commandName}'");
            }

            foreach (Match m in SyntaxParameter.Matches(set.Text))
            {
                string name = m.Groups[1].Value;
                if (set.ParameterNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    Error(block.Line, $"the syntax line names -{name} twice");
                    continue;
                }

                set.ParameterNames.Add(name);
            }
        }

        private void ReadExamples(Section section, CommandHelp command)
        {
            RejectText(section.Body, "EXAMPLES");
            if (section.Subsections.Count == 0)
            {
                Error(section.Line, "EXAMPLES has no example: add at least one '### Example 1: ...' with a ```powershell block and a sentence");
            }

            foreach (Section sub in section.Subsections)
            {
                var example = new ExampleHelp(sub.Title, sub.Line);
                var code = new List<string>();
                foreach (Block block in Blocks(sub.Body))
                {
                    if (block.IsCode)
                    {
                        code.Add(string.Join("\n", block.Lines.Select(l => l.Text)).Trim('\n'));
                    }
                    else
                    {
                        example.Remarks.Add(block.Paragraph());
                    }
                }

                example.Code = string.Join("\n\n", code.Where(c => c.Trim().Length > 0));
                if (example.Code.Length == 0)
                {
                    Error(sub.Line, $"example '{sub.Title}' has no ```powershell code block");
                }

                if (example.Remarks.Count == 0)
                {
                    Error(sub.Line, $"example '{sub.Title}' has no text saying what it does");
                }

                command.Examples.Add(example);
            }
        }

        private void ReadParameters(Section section, CommandHelp command)
        {
            RejectText(section.Body, "PARAMETERS");
            foreach (Section sub in section.Subsections)
            {
                if (sub.Title == "CommonParameters")
                {
                    continue;
                }

                if (!sub.Title.StartsWith("-", StringComparison.Ordinal) || sub.Title.Length < 2 || sub.Title.Contains(' '))
                {
                    Error(sub.Line, $"'### {sub.Title}' is neither '### -ParameterName' nor '### CommonParameters'");
                    continue;
                }

                var parameter = new ParameterHelp(sub.Title.Substring(1), sub.Line);
                if (command.Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    Error(sub.Line, $"parameter -{parameter.Name} is described twice");
                }

                foreach (Block block in Blocks(sub.Body))
                {
                    if (block.IsCode && string.Equals(block.Language, "yaml", StringComparison.OrdinalIgnoreCase))
                    {
                        ParameterUsage? usage = ReadUsage(block, parameter.Name);
                        if (usage != null)
                        {
                            parameter.Usages.Add(usage);
                        }
                    }
                    else if (parameter.Usages.Count > 0)
                    {
                        Error(block.Line, $"text after the yaml block of -{parameter.Name}: put the description before it");
                    }
                    else
                    {
                        parameter.Description.Add(block.Paragraph());
                    }
                }

                if (parameter.Description.Count == 0)
                {
                    Error(sub.Line, $"parameter -{parameter.Name} has no description");
                }

                if (parameter.Usages.Count == 0)
                {
                    Error(sub.Line, $"parameter -{parameter.Name} has no ```yaml block (Type, Parameter Sets, Required, Position, ...)");
                }

                CheckUsagesDoNotOverlap(parameter);
                command.Parameters.Add(parameter);
            }
        }

        private ParameterUsage? ReadUsage(Block block, string parameterName)
        {
            var usage = new ParameterUsage(block.Line);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            bool ok = true;
            foreach (SourceLine line in block.Lines)
            {
                string text = line.Text.Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                int colon = text.IndexOf(':');
                if (colon <= 0)
                {
                    Error(line.Number, $"'{text}' in the yaml of -{parameterName} is not 'Key: value'");
                    ok = false;
                    continue;
                }

                string key = text.Substring(0, colon).Trim();
                string value = text.Substring(colon + 1).Trim();
                if (!seen.Add(key))
                {
                    Error(line.Number, $"'{key}' appears twice in the yaml of -{parameterName}");
                }

                switch (key.ToLowerInvariant())
                {
                    case "type":
                        usage.Type = value;
                        break;
                    case "parameter sets":
                        usage.ParameterSets.AddRange(SplitList(value));
                        break;
                    case "aliases":
                        usage.Aliases.AddRange(SplitList(value));
                        break;
                    case "accepted values":
                        usage.AcceptedValues.AddRange(SplitList(value));
                        break;
                    case "required":
                        ok &= ReadBool(line, key, value, parameterName, b => usage.Required = b);
                        break;
                    case "position":
                        if (string.Equals(value, "Named", StringComparison.OrdinalIgnoreCase))
                        {
                            usage.Position = "Named";
                        }
                        else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int position))
                        {
                            usage.Position = position.ToString(CultureInfo.InvariantCulture);
                        }
                        else
                        {
                            Error(line.Number, $"Position of -{parameterName} must be 'Named' or a number, not '{value}'");
                            ok = false;
                        }

                        break;
                    case "default value":
                        usage.DefaultValue = value.Length == 0 ? "None" : value;
                        break;
                    case "accept pipeline input":
                        if (PipelineInput.IsMatch(value))
                        {
                            usage.PipelineInput = value;
                        }
                        else
                        {
                            Error(line.Number, $"Accept pipeline input of -{parameterName} must be False, True (ByValue), True (ByPropertyName) or True (ByValue, ByPropertyName), not '{value}'");
                            ok = false;
                        }

                        break;
                    case "accept wildcard characters":
                        ok &= ReadBool(line, key, value, parameterName, b => usage.AcceptsWildcards = b);
                        break;
                    default:
                        Error(line.Number, $"unknown key '{key}' in the yaml of -{parameterName}");
                        ok = false;
                        break;
                }
            }

            foreach (string required in new[] { "Type", "Parameter Sets", "Required", "Position", "Accept pipeline input", "Accept wildcard characters" })
            {
                if (!seen.Contains(required))
                {
                    Error(block.Line, $"the yaml of -{parameterName} has no '{required}:'");
                    ok = false;
                }
            }

            if (usage.Type.Length == 0 && seen.Contains("Type"))
            {
                Error(block.Line, $"the yaml of -{parameterName} has an empty Type");
                ok = false;
            }

            return ok ? usage : null;
        }

        private bool ReadBool(SourceLine line, string key, string value, string parameterName, Action<bool> set)
        {
            if (bool.TryParse(value, out bool result))
            {
                set(result);
                return true;
            }

            Error(line.Number, $"{key} of -{parameterName} must be True or False, not '{value}'");
            return false;
        }

        private void CheckUsagesDoNotOverlap(ParameterHelp parameter)
        {
            if (parameter.Usages.Count < 2)
            {
                return;
            }

            var claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (ParameterUsage usage in parameter.Usages)
            {
                foreach (string set in usage.ParameterSets)
                {
                    if (set == ParameterUsage.AllSets || !claimed.Add(set))
                    {
                        Error(usage.Line, $"-{parameter.Name} has several yaml blocks that cover set '{set}': give each set one block");
                    }
                }
            }
        }

        private void ReadTypes(Section section, List<TypeHelp> target)
        {
            RejectText(section.Body, section.Title);
            foreach (Section sub in section.Subsections)
            {
                var type = new TypeHelp(sub.Title);
                type.Description.AddRange(Paragraphs(sub.Body));
                target.Add(type);
            }
        }

        private void ReadLinks(Section section, CommandHelp command)
        {
            RejectSubsections(section);
            foreach (SourceLine line in section.Body)
            {
                string text = line.Text.Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                Match m = Link.Match(text);
                if (!m.Success)
                {
                    command.RelatedLinks.Add(new LinkHelp(text, null));
                    continue;
                }

                string target = m.Groups["target"].Value.Trim();
                bool isWeb = Uri.TryCreate(target, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
                command.RelatedLinks.Add(new LinkHelp(m.Groups["text"].Value.Trim(), isWeb ? target : null));
            }
        }

        private void RejectText(List<SourceLine> body, string what)
        {
            SourceLine? stray = body.FirstOrDefault(l => l.Text.Trim().Length > 0);
            if (stray != null)
            {
                Error(stray.Number, $"text directly under '## {what}': it belongs in a '### ' subsection");
            }
        }

        /// <summary>The syntax lines and the parameters' yaml must tell the same story about which parameter is in which set.</summary>
        private void CheckSyntaxAgainstParameters(CommandHelp command)
        {
            var setNames = new HashSet<string>(command.SyntaxSets.Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
            foreach (ParameterHelp parameter in command.Parameters)
            {
                foreach (ParameterUsage usage in parameter.Usages)
                {
                    foreach (string set in usage.ParameterSets.Where(s => s != ParameterUsage.AllSets && !setNames.Contains(s)))
                    {
                        Error(usage.Line, $"-{parameter.Name} names parameter set '{set}', which SYNTAX does not list");
                    }
                }
            }

            foreach (SyntaxSet set in command.SyntaxSets)
            {
                var positions = new Dictionary<string, string>();
                foreach (string name in set.ParameterNames)
                {
                    ParameterHelp? parameter = command.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                    if (parameter == null)
                    {
                        Error(set.Line, $"the syntax of set '{set.Name}' names -{name}, which PARAMETERS does not describe");
                        continue;
                    }

                    ParameterUsage? usage = parameter.UsageFor(set.Name);
                    if (usage == null)
                    {
                        if (parameter.Usages.Count > 0)
                        {
                            Error(set.Line, $"the syntax of set '{set.Name}' names -{name}, but its yaml does not list that set");
                        }

                        continue;
                    }

                    if (usage.Position != "Named")
                    {
                        if (positions.TryGetValue(usage.Position, out string? other))
                        {
                            Error(usage.Line, $"-{name} and -{other} both take position {usage.Position} in set '{set.Name}'");
                        }
                        else
                        {
                            positions[usage.Position] = name;
                        }
                    }
                }

                foreach (ParameterHelp parameter in command.Parameters)
                {
                    if (parameter.UsageFor(set.Name) != null && !set.ParameterNames.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        Error(set.Line, $"-{parameter.Name} is in set '{set.Name}' by its yaml but missing from that set's syntax line");
                    }
                }
            }
        }

        private static IEnumerable<string> SplitList(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);

        private static List<string> Paragraphs(List<SourceLine> body) => Blocks(body).Select(b => b.Paragraph()).ToList();

        /// <summary>
        /// Splits text into paragraphs and fenced code blocks. Lines of one paragraph are joined with a space, as
        /// markdown renders them, so Get-Help can wrap the text to the console; each list item is its own paragraph.
        /// </summary>
        private static List<Block> Blocks(List<SourceLine> body)
        {
            var blocks = new List<Block>();
            Block? current = null;
            for (int i = 0; i < body.Count; i++)
            {
                SourceLine line = body[i];
                string trimmed = line.Text.Trim();
                if (trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    var code = new Block(line.Number, trimmed.Substring(3).Trim());
                    for (i++; i < body.Count && !body[i].Text.Trim().StartsWith("```", StringComparison.Ordinal); i++)
                    {
                        code.Lines.Add(body[i]);
                    }

                    blocks.Add(code);
                    current = null;
                    continue;
                }

                if (trimmed.Length == 0)
                {
                    current = null;
                    continue;
                }

                if (current == null || ListItem.IsMatch(trimmed))
                {
                    current = new Block(line.Number, null);
                    blocks.Add(current);
                }

                current.Lines.Add(line);
            }

            return blocks;
        }

        private static List<SourceLine> SplitLines(string text)
        {
            string[] raw = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            var lines = new List<SourceLine>(raw.Length);
            for (int i = 0; i < raw.Length; i++)
            {
                lines.Add(new SourceLine(i + 1, raw[i].TrimEnd()));
            }

            return lines;
        }

        private sealed class SourceLine
        {
            public SourceLine(int number, string text)
            {
                Number = number;
                Text = text;
            }

            public int Number { get; }

            public string Text { get; }
        }

        private sealed class Block
        {
            public Block(int line, string? language)
            {
                Line = line;
                Language = language;
            }

            public int Line { get; }

            /// <summary>Null for a paragraph; the fence's info string (maybe empty) for code.</summary>
            public string? Language { get; }

            public bool IsCode => Language != null;

            public List<SourceLine> Lines { get; } = new List<SourceLine>();

            /// <summary>The block as help text: code keeps its lines, prose is joined into one line.</summary>
            public string Paragraph()
            {
                if (IsCode)
                {
                    return string.Join("\n", Lines.Select(l => l.Text));
                }

                var sb = new StringBuilder();
                foreach (SourceLine line in Lines)
                {
                    if (sb.Length > 0)
                    {
                        sb.Append(' ');
                    }

                    sb.Append(line.Text.Trim());
                }

                return sb.ToString();
            }
        }

        private sealed class Section
        {
            public Section(string title, int line)
            {
                Title = title;
                Line = line;
            }

            public string Title { get; }

            public int Line { get; }

            public List<SourceLine> Body { get; } = new List<SourceLine>();

            public List<Section> Subsections { get; } = new List<Section>();
        }

        private sealed class Document
        {
            public string? Name { get; set; }

            public int NameLine { get; set; } = 1;

            public List<Section> Sections { get; } = new List<Section>();
        }
    }
}
