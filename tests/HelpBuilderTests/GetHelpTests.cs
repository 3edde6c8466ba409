using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using ExtraHop.HelpBuilder;
using Xunit;
using static HelpBuilderTests.HelpObject;

namespace HelpBuilderTests
{
    /// <summary>
    /// Get-Help, run in a real PowerShell 7 engine, reads the MAML the builder wrote: the content of every
    /// markdown file comes back through Get-Help's objects and through its console views (default, -Full,
    /// -Parameter, -Examples). Without a readable help file Get-Help would fall back to help generated from the
    /// cmdlet's metadata, whose synopsis is the bare syntax, so matching the markdown's synopsis, descriptions
    /// and examples proves the file was found and read.
    /// </summary>
    [Collection(HelpEngineCollection.Name)]
    public sealed class GetHelpTests
    {
        private readonly HelpEngineFixture _engine;

        public GetHelpTests(HelpEngineFixture engine)
        {
            _engine = engine;
        }

        public static IEnumerable<object[]> DocumentedCommands() =>
            DocsTests.ExpectedCmdlets.Append("Get-HbtWidget").Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(DocumentedCommands))]
        public void HelpObjectCarriesSynopsisDescriptionNotesAndTypes(string name)
        {
            CommandHelp doc = _engine.Docs[name];
            PSObject help = _engine.GetHelp(name, new Hashtable { ["Full"] = true });

            Assert.Equal(name, Text(Prop(help, "Name")));
            Assert.Equal(string.Join(" ", doc.Synopsis), Text(Prop(help, "Synopsis")).Trim());
            Assert.Equal(doc.Description, Paragraphs(Prop(help, "description")));

            List<object> inputs = Items(Prop(Prop(help, "inputTypes"), "inputType"));
            Assert.Equal(doc.Inputs.Select(i => i.TypeName), inputs.Select(i => Text(Prop(Prop(i, "type"), "name"))));
            List<object> outputs = Items(Prop(Prop(help, "returnValues"), "returnValue"));
            Assert.Equal(doc.Outputs.Select(o => o.TypeName), outputs.Select(o => Text(Prop(Prop(o, "type"), "name"))));
            Assert.Equal(doc.Outputs.Select(o => string.Join(" ", o.Description)), outputs.Select(o => string.Join(" ", Paragraphs(Prop(o, "description")))));

            if (doc.Notes.Count > 0)
            {
                Assert.Equal(doc.Notes, Paragraphs(Prop(Items(Prop(help, "alertSet")).Single(), "alert")));
            }

            List<object> links = Items(Prop(Prop(help, "relatedLinks"), "navigationLink"));
            var expectedLinks = doc.RelatedLinks.Select(l => l.Text).ToList();
            if (doc.OnlineVersion != null)
            {
                expectedLinks.Insert(0, "Online Version:");
            }

            Assert.Equal(expectedLinks, links.Select(l => Text(Prop(l, "linkText"))));
        }

        [Theory]
        [MemberData(nameof(DocumentedCommands))]
        public void EveryParameterComesBackWithItsDescriptionAndAttributes(string name)
        {
            CommandHelp doc = _engine.Docs[name];
            PSObject help = _engine.GetHelp(name, new Hashtable { ["Full"] = true });
            List<object> parameters = Items(Prop(Prop(help, "parameters"), "parameter"));
            Assert.Equal(doc.Parameters.Select(p => p.Name), parameters.Select(p => Text(Prop(p, "name"))));

            foreach (ParameterHelp expected in doc.Parameters)
            {
                object actual = parameters.Single(p => Text(Prop(p, "name")) == expected.Name);
                ParameterUsage usage = expected.Usages[0];
                Assert.Equal(expected.Description, Paragraphs(Prop(actual, "description")));
                Assert.Equal(usage.Required ? "true" : "false", Text(Prop(actual, "required")));
                Assert.Equal(usage.Position == "Named" ? "named" : usage.Position, Text(Prop(actual, "position")));
                Assert.Equal(usage.PipelineInput, Text(Prop(actual, "pipelineInput")));
                Assert.Equal(usage.AcceptsWildcards ? "true" : "false", Text(Prop(actual, "globbing")));
                Assert.Equal(usage.DefaultValue, Text(Prop(actual, "defaultValue")));
                Assert.Equal(usage.Type, Text(Prop(Prop(actual, "type"), "name")));

                // -Parameter returns the same parameter on its own.
                PSObject single = _engine.GetHelp(name, new Hashtable { ["Parameter"] = expected.Name });
                Assert.Equal(expected.Name, Text(Prop(single, "name")));
                Assert.Equal(expected.Description, Paragraphs(Prop(single, "description")));
            }
        }

        [Theory]
        [MemberData(nameof(DocumentedCommands))]
        public void SyntaxHasOneItemPerParameterSetWithItsParameters(string name)
        {
            CommandHelp doc = _engine.Docs[name];
            PSObject help = _engine.GetHelp(name, new Hashtable { ["Full"] = true });
            List<object> items = Items(Prop(Prop(help, "syntax"), "syntaxItem"));
            Assert.Equal(doc.SyntaxSets.Count, items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                SyntaxSet set = doc.SyntaxSets[i];
                List<object> parameters = Items(Prop(items[i], "parameter"));
                Assert.Equal(set.ParameterNames, parameters.Select(p => Text(Prop(p, "name"))));
                foreach (object parameter in parameters)
                {
                    ParameterUsage usage = doc.Parameters.Single(p => p.Name == Text(Prop(parameter, "name"))).UsageFor(set.Name)!;
                    Assert.Equal(usage.Required ? "true" : "false", Text(Prop(parameter, "required")));
                }
            }
        }

        [Theory]
        [MemberData(nameof(DocumentedCommands))]
        public void ExamplesComeBackWithTitleCodeAndRemarks(string name)
        {
            CommandHelp doc = _engine.Docs[name];
            PSObject help = _engine.GetHelp(name, new Hashtable { ["Examples"] = true });
            List<object> examples = Items(Prop(Prop(help, "examples"), "example"));
            Assert.Equal(doc.Examples.Count, examples.Count);
            for (int i = 0; i < examples.Count; i++)
            {
                Assert.Contains(doc.Examples[i].Title, Text(Prop(examples[i], "title")));
                Assert.Equal(doc.Examples[i].Code.Replace("\r\n", "\n"), Text(Prop(examples[i], "code")).Replace("\r\n", "\n"));
                Assert.Equal(doc.Examples[i].Remarks, Paragraphs(Prop(examples[i], "remarks")));
            }
        }

        [Theory]
        [MemberData(nameof(DocumentedCommands))]
        public void FullHelpRendersEverySectionInTheConsoleView(string name)
        {
            CommandHelp doc = _engine.Docs[name];
            string text = _engine.RenderHelp(name, new Hashtable { ["Full"] = true });

            foreach (string heading in new[] { "NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS", "RELATED LINKS" })
            {
                Assert.Contains("\n" + heading + "\n", "\n" + text);
            }

            AssertShows(string.Join(" ", doc.Synopsis), text);
            AssertShows(doc.Description[0], text);
            Assert.Contains("<CommonParameters>", text);
            foreach (ParameterHelp parameter in doc.Parameters)
            {
                ParameterUsage usage = parameter.Usages[0];
                string header = usage.IsSwitch ? $"-{parameter.Name} [<SwitchParameter>]" : $"-{parameter.Name} <{usage.Type}>";
                Assert.Contains(header, text);
                AssertShows(parameter.Description[0], text);
            }

            foreach (ExampleHelp example in doc.Examples)
            {
                Assert.Contains(example.Title, text);
                AssertShows(example.Remarks[0], text);
            }

            foreach (LinkHelp link in doc.RelatedLinks)
            {
                Assert.Contains(link.Text, text);
            }
        }

        [Theory]
        [MemberData(nameof(DocumentedCommands))]
        public void DefaultViewShowsSynopsisAndTheSyntaxOfEverySet(string name)
        {
            CommandHelp doc = _engine.Docs[name];
            string text = _engine.RenderHelp(name);
            AssertShows(string.Join(" ", doc.Synopsis), text);
            string[] syntaxLines = text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(name + " ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(doc.SyntaxSets.Count, syntaxLines.Length);
            for (int i = 0; i < syntaxLines.Length; i++)
            {
                foreach (string parameter in doc.SyntaxSets[i].ParameterNames)
                {
                    Assert.Contains("-" + parameter, syntaxLines[i]);
                }
            }
        }

        /// <summary>Get-Help wraps long paragraphs to the console width, even inside a word; compare without whitespace.</summary>
        private static void AssertShows(string expected, string rendered) =>
            Assert.Contains(Regex.Replace(expected, @"\s+", string.Empty), Regex.Replace(rendered, @"\s+", string.Empty));

        [Fact]
        public void SyntaxShowsAcceptedValuesRequiredParametersAndSwitches()
        {
            string text = _engine.RenderHelp("Get-HbtWidget");
            Assert.Contains("Get-HbtWidget [-Name] <String[]> [-Limit <Int32>] [-Force] [<CommonParameters>]", text);
            Assert.Contains("Get-HbtWidget [-Name <String[]>] -Color {Red | Green | Blue} [-Limit <Int32>] [-Force] [<CommonParameters>]", text);
        }

        [Fact]
        public void ParameterViewShowsTheAttributesAnAdminReads()
        {
            string text = _engine.RenderHelp("Get-HbtWidget", new Hashtable { ["Parameter"] = "Name" });
            Assert.Contains("-Name <String[]>", text);
            Assert.Contains("The names of the widgets.", text);
            Assert.Matches(@"Required\?\s+true", text);
            Assert.Matches(@"Position\?\s+0", text);
            Assert.Matches(@"Accept pipeline input\?\s+True \(ByValue\)", text);
            Assert.Matches(@"Aliases\s+WidgetName", text);
            Assert.Matches(@"Accept wildcard characters\?\s+true", text);
        }

        [Fact]
        public void DescriptionKeepsParagraphsAndListItemsApart()
        {
            PSObject help = _engine.GetHelp("Get-HbtWidget", new Hashtable { ["Full"] = true });
            Assert.Equal(
                new[] { "The first paragraph of the description spans two source lines.", "The second paragraph has a list:", "- first item", "- second item continues here" },
                Paragraphs(Prop(help, "description")));
        }

        [Fact]
        public void OnlineVersionIsTheFirstRelatedLinkWithItsAddress()
        {
            PSObject help = _engine.GetHelp("Get-HbtWidget", new Hashtable { ["Full"] = true });
            List<object> links = Items(Prop(Prop(help, "relatedLinks"), "navigationLink"));
            Assert.Equal("https://example.com/help/Get-HbtWidget", Text(Prop(links[0], "uri")));
            Assert.Equal("https://example.com/help/Get-HbtWidget", Text(Prop(links[1], "uri")));
            Assert.Equal(string.Empty, Text(Prop(links[2], "uri")));
        }

        [Fact]
        public void ExamplesViewSeparatesExamplesAndKeepsMultiLineCode()
        {
            string text = _engine.RenderHelp("Get-HbtWidget", new Hashtable { ["Examples"] = true });
            Assert.Matches(@"Get-HbtWidget -Color Red \|\n\s+Select-Object -First 2", text.Replace("\r\n", "\n"));
            Assert.Matches(@"Gets the widget named gear\.\s*\n\s*\n\s*-+ Example 2: Get red widgets -+", text.Replace("\r\n", "\n"));
        }

        [Theory]
        [MemberData(nameof(DocsTests.AboutTopicNames), MemberType = typeof(DocsTests))]
        public void AboutTopicsAreFoundByGetHelp(string topic)
        {
            string text = _engine.RenderHelp(topic);
            Assert.Contains(topic, text);
            Assert.Contains("SHORT DESCRIPTION", text);
            Assert.Contains("LONG DESCRIPTION", text);
        }
    }
}
