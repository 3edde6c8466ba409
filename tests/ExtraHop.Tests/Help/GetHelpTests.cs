using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using ExtraHop.HelpBuilder;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>
    /// Get-Help, in the engine that imported the module, gives back exactly what docs/&lt;Cmdlet&gt;.md says: the
    /// build turned the markdown into en-US/ExtraHop.dll-Help.xml without losing or bending anything, and that
    /// file is the one Get-Help finds. Together with DocsMatchCmdletsTests this closes the loop from the real
    /// cmdlet through the docs to what an admin reads.
    /// </summary>
    [Collection(HelpEngineCollection.Name)]
    public sealed class GetHelpTests
    {
        private readonly HelpEngine engine;

        public GetHelpTests(HelpEngine engine)
        {
            this.engine = engine;
        }

        public static IEnumerable<object[]> Cmdlets() => HelpSources.CmdletData();

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void GetHelpReturnsWhatTheDocsSay(string cmdlet)
        {
            CommandHelp doc = HelpSources.Doc(cmdlet);
            object help = engine.Shell.Invoke("Get-Help -Name $args[0] -Full", cmdlet).AssertNoErrors().Output.Single();

            Assert.Equal(string.Join(" ", doc.Synopsis), Text(Prop(help, "Synopsis")).Trim());
            Assert.Equal(doc.Description, Paragraphs(Prop(help, "description")));

            List<object> parameters = Items(Prop(Prop(help, "parameters"), "parameter"));
            Assert.Equal(doc.Parameters.Select(p => p.Name), parameters.Select(p => Text(Prop(p, "name"))));
            foreach ((ParameterHelp expected, object actual) in doc.Parameters.Zip(parameters))
            {
                ParameterUsage usage = expected.Usages[0];
                string where = $"-{expected.Name}: ";
                Assert.Equal(expected.Description, Paragraphs(Prop(actual, "description")));
                Assert.Equal(where + (usage.Required ? "true" : "false"), where + Text(Prop(actual, "required")));
                Assert.Equal(where + (usage.Position == "Named" ? "named" : usage.Position), where + Text(Prop(actual, "position")));
                Assert.Equal(where + usage.PipelineInput, where + Text(Prop(actual, "pipelineInput")));
                Assert.Equal(where + (usage.AcceptsWildcards ? "true" : "false"), where + Text(Prop(actual, "globbing")));
                Assert.Equal(where + usage.DefaultValue, where + Text(Prop(actual, "defaultValue")));
                Assert.Equal(where + usage.Type, where + Text(Prop(Prop(actual, "type"), "name")));
                Assert.Equal(where + (usage.Aliases.Count == 0 ? "none" : string.Join(", ", usage.Aliases)), where + Text(Prop(actual, "aliases")));
            }

            List<object> syntax = Items(Prop(Prop(help, "syntax"), "syntaxItem"));
            Assert.Equal(doc.SyntaxSets.Count, syntax.Count);
            foreach ((SyntaxSet set, object item) in doc.SyntaxSets.Zip(syntax))
            {
                List<object> shown = Items(Prop(item, "parameter"));
                Assert.Equal(set.ParameterNames, shown.Select(p => Text(Prop(p, "name"))));
                foreach (object parameter in shown)
                {
                    ParameterUsage usage = doc.Parameters.Single(p => p.Name == Text(Prop(parameter, "name"))).UsageFor(set.Name)!;
                    Assert.Equal(usage.Required ? "true" : "false", Text(Prop(parameter, "required")));
                }
            }

            List<object> examples = Items(Prop(Prop(help, "examples"), "example"));
            Assert.Equal(doc.Examples.Count, examples.Count);
            foreach ((ExampleHelp expected, object actual) in doc.Examples.Zip(examples))
            {
                Assert.Contains(expected.Title, Text(Prop(actual, "title")), StringComparison.Ordinal);
                Assert.Equal(expected.Code, Text(Prop(actual, "code")).Replace("\r\n", "\n"));
                Assert.Equal(expected.Remarks, Paragraphs(Prop(actual, "remarks")));
            }

            Assert.Equal(doc.Inputs.Select(i => i.TypeName), Items(Prop(Prop(help, "inputTypes"), "inputType")).Select(i => Text(Prop(Prop(i, "type"), "name"))));
            Assert.Equal(doc.Outputs.Select(o => o.TypeName), Items(Prop(Prop(help, "returnValues"), "returnValue")).Select(o => Text(Prop(Prop(o, "type"), "name"))));
            if (doc.Notes.Count > 0) Assert.Equal(doc.Notes, Paragraphs(Prop(Items(Prop(help, "alertSet")).Single(), "alert")));
            Assert.Equal(doc.RelatedLinks.Select(l => l.Text), Items(Prop(Prop(help, "relatedLinks"), "navigationLink")).Select(l => Text(Prop(l, "linkText"))));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void TheConsoleViewShowsEverySectionAndTheSyntaxAsTheDocsWriteIt(string cmdlet)
        {
            CommandHelp doc = HelpSources.Doc(cmdlet);
            engine.Shell.Host.TestUI.Written.Clear();
            engine.Shell.Invoke("Get-Help -Name $args[0] -Full | Out-Host", cmdlet).AssertNoErrors();
            string text = string.Join("\n", engine.Shell.Host.TestUI.Written);
            var lines = new HashSet<string>(text.Split('\n').Select(l => l.Trim()));

            foreach (string heading in new[] { "NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS", "RELATED LINKS" })
            {
                Assert.Contains(heading, lines);
            }

            // The console wraps long lines anywhere, even inside a word, so compare without whitespace. The
            // syntax Get-Help draws from the MAML (brackets for optional and positional parameters, no value for a
            // switch) must read exactly like the syntax line in the docs.
            string flat = Regex.Replace(text, @"\s+", string.Empty);
            foreach (SyntaxSet set in doc.SyntaxSets)
            {
                Assert.Contains(Regex.Replace(set.Text, @"\s+", string.Empty), flat, StringComparison.Ordinal);
            }
            foreach (ParameterHelp parameter in doc.Parameters)
            {
                string header = parameter.Usages[0].IsSwitch ? $"-{parameter.Name} [<SwitchParameter>]" : $"-{parameter.Name} <{parameter.Usages[0].Type}>";
                Assert.Contains(Regex.Replace(header, @"\s+", string.Empty), flat, StringComparison.Ordinal);
            }
            foreach (ExampleHelp example in doc.Examples)
            {
                Assert.Contains(Regex.Replace(example.Title, @"\s+", string.Empty), flat, StringComparison.Ordinal);
            }
        }

        private static object? Prop(object? target, string name) =>
            target == null ? null : PSObject.AsPSObject(target).Properties[name]?.Value;

        /// <summary>Help properties hold one object or an array of them; this always gives a list.</summary>
        private static List<object> Items(object? value)
        {
            object? inner = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (inner == null) return new List<object>();
            return inner is IEnumerable sequence && !(inner is string) ? sequence.Cast<object>().ToList() : new List<object> { value! };
        }

        /// <summary>The non-empty paragraphs of a MAML text property.</summary>
        private static List<string> Paragraphs(object? value) =>
            Items(value).Select(i => Text(Prop(i, "Text") ?? i).Trim()).Where(t => t.Length > 0).ToList();

        private static string Text(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value)?.ToString() ?? string.Empty;
    }
}
