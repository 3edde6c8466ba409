using System;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace ExtraHop.HelpBuilder
{
    /// <summary>
    /// Reads SYNTAX: one "### SetName" (or "### SetName (Default)") per parameter set, each holding one fenced
    /// block with the syntax line; a cmdlet with one unnamed set has the block straight under "## SYNTAX".
    /// </summary>
    internal static class SyntaxReader
    {
        private const string DefaultMarker = "(Default)";

        // A parameter name in a syntax line: "-Name" right after a space or an opening bracket.
        private static readonly Regex SyntaxParameter = new Regex(@"(?<=[\s\[])-([A-Za-z][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

        public static void Read(HelpSection section, CommandHelp command, HelpDiagnostics diagnostics)
        {
            if (section.Subsections.Count == 0)
            {
                var only = new SyntaxSet("__AllParameterSets", true, section.Line);
                ReadBlock(section, only, command.Name, diagnostics);
                command.SyntaxSets.Add(only);
                return;
            }

            SectionRules.RejectText(section, diagnostics);
            foreach (HelpSection sub in section.Subsections)
            {
                string name = sub.Title;
                bool isDefault = name.EndsWith(DefaultMarker, StringComparison.OrdinalIgnoreCase);
                if (isDefault)
                {
                    name = name.Substring(0, name.Length - DefaultMarker.Length).Trim();
                }

                if (command.SyntaxSets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    diagnostics.Error(sub.Line, $"parameter set '{name}' is listed twice in SYNTAX");
                }

                var set = new SyntaxSet(name, isDefault, sub.Line);
                ReadBlock(sub, set, command.Name, diagnostics);
                command.SyntaxSets.Add(set);
            }

            if (command.SyntaxSets.Count(s => s.IsDefault) > 1)
            {
                diagnostics.Error(section.Line, "more than one parameter set is marked (Default)");
            }
        }

        private static void ReadBlock(HelpSection entry, SyntaxSet set, string commandName, HelpDiagnostics diagnostics)
        {
            FencedCodeBlock[] code = entry.Blocks.OfType<FencedCodeBlock>().ToArray();
            if (code.Length != 1 || entry.Blocks.Count != 1)
            {
                diagnostics.Error(entry.Line, "a syntax entry must hold exactly one ``` block with the syntax line and nothing else");
                if (code.Length == 0)
                {
                    return;
                }
            }

            FencedCodeBlock block = code[0];
            set.Text = string.Join(" ", HelpText.Code(block).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            string firstWord = set.Text.Split(' ')[0];
            if (!string.Equals(firstWord, commandName, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error(block.Line + 1, $"the syntax line starts with '{firstWord}', not '{commandName}'");
            }

            foreach (Match m in SyntaxParameter.Matches(set.Text))
            {
                string name = m.Groups[1].Value;
                if (set.ParameterNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    diagnostics.Error(block.Line + 1, $"the syntax line names -{name} twice");
                    continue;
                }

                set.ParameterNames.Add(name);
            }
        }
    }
}
