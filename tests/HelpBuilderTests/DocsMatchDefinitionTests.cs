using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ExtraHop.HelpBuilder;
using Xunit;

namespace HelpBuilderTests
{
    /// <summary>
    /// The yaml of every parameter says exactly what the cmdlet definition says (CmdletStubs.cs holds the
    /// definitions the help was written against). A mismatch here means Get-Help would tell users something the
    /// cmdlet does not do.
    /// </summary>
    public sealed class DocsMatchDefinitionTests
    {
        public static IEnumerable<object[]> StubCmdlets() =>
            typeof(ExtraHop.ConnectExtraHopStub).Assembly.GetTypes()
                .Where(t => t.Namespace == "ExtraHop" && typeof(PSCmdlet).IsAssignableFrom(t))
                .Select(t => new object[] { t.FullName! });

        [Fact]
        public void ThereIsOneStubPerDocumentedCmdlet()
        {
            var names = StubCmdlets().Select(s => CmdletDefinitionComparer.CmdletName(Type.GetType((string)s[0])!)).OrderBy(n => n);
            Assert.Equal(DocsTests.ExpectedCmdlets.OrderBy(n => n), names);
        }

        [Theory]
        [MemberData(nameof(StubCmdlets))]
        public void HelpMatchesTheCmdletDefinition(string typeName)
        {
            Type type = Type.GetType(typeName)!;
            string name = CmdletDefinitionComparer.CmdletName(type);
            ParseResult parsed = MarkdownHelpParser.ParseFile(Path.Combine(RepoPaths.Docs, name + ".md"));
            Assert.NotNull(parsed.Command);
            Assert.Empty(CmdletDefinitionComparer.Compare(type, parsed.Command!));
        }

        [Fact]
        public void SampleHelpMatchesTheSampleCmdlet()
        {
            ParseResult parsed = MarkdownHelpParser.ParseFile(Path.Combine(RepoPaths.TestData, "Get-HbtWidget.md"));
            Assert.Empty(CmdletDefinitionComparer.Compare(typeof(GetHbtWidgetCommand), parsed.Command!));
        }

        [Fact]
        public void TheComparerNoticesADifference()
        {
            string text = File.ReadAllText(Path.Combine(RepoPaths.TestData, "Get-HbtWidget.md"))
                .Replace("Default value: 10", "Default value: 20")
                .Replace("Accept pipeline input: True (ByValue)", "Accept pipeline input: True (ByPropertyName)");
            CommandHelp doc = MarkdownHelpParser.Parse(text, "Get-HbtWidget.md").Command!;
            List<string> problems = CmdletDefinitionComparer.Compare(typeof(GetHbtWidgetCommand), doc);
            Assert.Contains(problems, p => p.Contains("-Limit: default is 10"));
            Assert.Contains(problems, p => p.Contains("-Name in set 'ByName': pipeline input"));
        }
    }
}
