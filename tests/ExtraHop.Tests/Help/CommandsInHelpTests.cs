using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using ExtraHop.HelpBuilder;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>
    /// Every command line the help shows - example code, `inline code` in the text of docs/*.md, and the
    /// indented lines of the about topics - calls the module's cmdlets only with parameters they really have
    /// (their names, their aliases, or common parameters). A renamed or removed parameter would otherwise live
    /// on in the help and fail when an admin copies the line.
    /// </summary>
    [Collection(HelpEngineCollection.Name)]
    public sealed class CommandsInHelpTests
    {
        private static readonly Regex CmdletName = new Regex(@"(?<![\w-])([A-Z][a-z]+-(?:EH[A-Za-z]+|ExtraHop))(?![\w-])", RegexOptions.CultureInvariant);
        private readonly HelpEngine engine;

        public CommandsInHelpTests(HelpEngine engine)
        {
            this.engine = engine;
        }

        public static IEnumerable<object[]> Cmdlets() => HelpSources.CmdletData();

        public static IEnumerable<object[]> Topics() => HelpSources.AboutTopics.Select(t => new object[] { t });

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void CommandsInTheCmdletHelpUseRealParameters(string cmdlet)
        {
            CommandHelp doc = HelpSources.Doc(cmdlet);
            var snippets = new List<string>();
            snippets.AddRange(doc.Examples.Select(e => e.Code));
            IEnumerable<string> text = doc.Description
                .Concat(doc.Examples.SelectMany(e => e.Remarks))
                .Concat(doc.Parameters.SelectMany(p => p.Description))
                .Concat(doc.Inputs.Concat(doc.Outputs).SelectMany(t => t.Description))
                .Concat(doc.Notes);
            snippets.AddRange(text.SelectMany(p => Regex.Matches(p, "`([^`]+)`").Select(m => m.Groups[1].Value)));
            AssertRealParameters("docs/" + cmdlet + ".md", snippets);
        }

        [Theory]
        [MemberData(nameof(Topics))]
        public void CommandsInTheAboutTopicUseRealParameters(string topic)
        {
            // Command lines are indented by eight spaces or more; a line ending in a backtick goes on in the next one.
            var snippets = new List<string>();
            var current = new StringBuilder();
            foreach (string line in File.ReadAllLines(HelpSources.AboutTopicPath(topic)).Where(l => l.StartsWith("        ", StringComparison.Ordinal)))
            {
                string trimmed = line.Trim();
                if (trimmed.EndsWith('`'))
                {
                    current.Append(trimmed, 0, trimmed.Length - 1).Append(' ');
                    continue;
                }
                snippets.Add(current.Append(trimmed).ToString());
                current.Clear();
            }
            AssertRealParameters(topic, snippets);
        }

        private void AssertRealParameters(string source, IEnumerable<string> snippets)
        {
            var problems = new List<string>();
            foreach (string snippet in snippets)
            {
                foreach (Match call in CmdletName.Matches(snippet).Where(m => IsCommandPosition(snippet, m.Index)))
                {
                    string name = call.Groups[1].Value;
                    if (!HelpSources.Cmdlets.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        problems.Add($"{name} is not a cmdlet of the module: {snippet}");
                        continue;
                    }

                    HashSet<string> known = KnownParameters(name);
                    foreach (string parameter in ParametersOf(snippet, call.Index + call.Length))
                    {
                        if (!known.Contains(parameter)) problems.Add($"{name} has no parameter -{parameter}: {snippet}");
                    }
                }
            }
            Assert.True(problems.Count == 0, source + ":\n" + string.Join("\n", problems));
        }

        /// <summary>Where a command starts: first in the line, or after a pipe, semicolon, opening bracket or assignment. Elsewhere the name is an argument, as in "Get-Help Connect-ExtraHop -Full".</summary>
        private static bool IsCommandPosition(string text, int index)
        {
            string before = text.Substring(0, index).TrimEnd(' ', '\t');
            return before.Length == 0 || "|;({=\n".Contains(before[^1], StringComparison.Ordinal);
        }

        private HashSet<string> KnownParameters(string cmdlet)
        {
            var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (ParameterMetadata parameter in engine.Cmdlet(cmdlet).Parameters.Values)
            {
                known.Add(parameter.Name);
                known.UnionWith(parameter.Aliases);
            }
            return known;
        }

        /// <summary>
        /// The -Names of one command, from just after its name to the end of the command: a pipe, a semicolon, a
        /// closing bracket it did not open, or the end. Quoted text and the insides of (...), {...} and [...] belong
        /// to other commands or values and are skipped.
        /// </summary>
        private static IEnumerable<string> ParametersOf(string text, int start)
        {
            int depth = 0;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\'' || c == '"')
                {
                    int close = text.IndexOf(c, i + 1);
                    i = close < 0 ? text.Length : close;
                    continue;
                }
                if (c == '(' || c == '{' || c == '[') depth++;
                else if (c == ')' || c == '}' || c == ']')
                {
                    if (depth == 0) yield break;
                    depth--;
                }
                else if (depth == 0 && (c == '|' || c == ';' || c == '\n')) yield break;
                else if (depth == 0 && c == '-' && i > start && char.IsWhiteSpace(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    int end = i + 1;
                    while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
                    yield return text.Substring(i + 1, end - i - 1);
                    i = end - 1;
                }
            }
        }
    }
}
