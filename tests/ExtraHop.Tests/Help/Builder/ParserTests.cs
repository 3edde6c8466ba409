using System;
using System.Linq;
using ExtraHop.HelpBuilder;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>The help builder's parser reads PlatyPS markdown into its model, and names the file and line of every problem.</summary>
    public sealed class ParserTests
    {
        private static string Sample => SampleHelp.Text;

        private static ParseResult Parse(string text) => MarkdownHelpParser.Parse(text, SampleHelp.FileName);

        /// <summary>The 1-based number of the line that holds <paramref name="needle"/>.</summary>
        private static int LineOf(string text, string needle)
        {
            string[] lines = text.Split('\n');
            int index = Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal));
            if (index < 0) throw new ArgumentException(needle + " is not in the text");
            return index + 1;
        }

        private static void AssertProblem(string text, int line, string messagePart)
        {
            ParseResult result = Parse(text);
            Assert.False(result.Succeeded);
            Assert.True(
                result.Diagnostics.Any(d => d.Line == line && d.File == SampleHelp.FileName && d.Message.Contains(messagePart, StringComparison.Ordinal)),
                $"expected line {line}: '{messagePart}', got:\n" + string.Join("\n", result.Diagnostics));
        }

        [Fact]
        public void ReadsEverySectionOfTheSample()
        {
            ParseResult result = Parse(Sample);
            Assert.Empty(result.Diagnostics);
            CommandHelp c = result.Command!;

            Assert.Equal("Get-HbtWidget", c.Name);
            Assert.Equal("Get", c.Verb);
            Assert.Equal("HbtWidget", c.Noun);
            Assert.Equal("https://example.com/help/Get-HbtWidget", c.OnlineVersion);
            Assert.Equal(new[] { "Gets widgets for the help builder's own tests." }, c.Synopsis);

            Assert.Equal(new[] { "ByName", "ByColor" }, c.SyntaxSets.Select(s => s.Name));
            Assert.True(c.SyntaxSets[0].IsDefault);
            Assert.False(c.SyntaxSets[1].IsDefault);
            Assert.Equal(new[] { "Name", "Color", "Limit", "Force" }, c.SyntaxSets[1].ParameterNames);

            Assert.Equal(new[] { "Color", "Force", "Limit", "Name" }, c.Parameters.Select(p => p.Name));
            ParameterHelp name = c.Parameters.Single(p => p.Name == "Name");
            Assert.Equal(2, name.Usages.Count);
            Assert.True(name.UsageFor("ByName")!.Required);
            Assert.Equal("0", name.UsageFor("ByName")!.Position);
            Assert.Equal("True (ByValue)", name.UsageFor("ByName")!.PipelineInput);
            Assert.False(name.UsageFor("ByColor")!.Required);
            Assert.Equal(new[] { "WidgetName" }, name.Usages[0].Aliases);
            Assert.True(name.Usages[0].AcceptsWildcards);
            ParameterHelp color = c.Parameters.Single(p => p.Name == "Color");
            Assert.Equal(new[] { "Red", "Green", "Blue" }, color.Usages[0].AcceptedValues);
            Assert.Null(color.UsageFor("ByName"));
            Assert.Equal("10", c.Parameters.Single(p => p.Name == "Limit").Usages[0].DefaultValue);
            Assert.True(c.Parameters.Single(p => p.Name == "Force").Usages[0].IsSwitch);

            Assert.Equal(2, c.Examples.Count);
            Assert.Equal("Example 2: Get red widgets", c.Examples[1].Title);
            Assert.Equal("Get-HbtWidget -Color Red |\n    Select-Object -First 2", c.Examples[1].Code);
            Assert.Equal(new[] { "Gets two red widgets.", "A second remark paragraph." }, c.Examples[1].Remarks);

            Assert.Equal("System.String", c.Inputs.Single().TypeName);
            Assert.Equal(new[] { "A widget." }, c.Outputs.Single().Description);
            Assert.Equal(new[] { "Widgets are imaginary." }, c.Notes);
            Assert.Equal(new[] { "Online help", "about_ExtraHop" }, c.RelatedLinks.Select(l => l.Text));
            Assert.Equal("https://example.com/help/Get-HbtWidget", c.RelatedLinks[0].Uri);
            Assert.Null(c.RelatedLinks[1].Uri);
        }

        [Fact]
        public void JoinsWrappedLinesAndKeepsListItemsApart()
        {
            Assert.Equal(
                new[] { "The first paragraph of the description spans two source lines.", "The second paragraph has a list:", "- first item", "- second item continues here" },
                Parse(Sample).Command!.Description);
        }

        [Fact]
        public void AcceptsWindowsLineEndings()
        {
            ParseResult result = Parse(Sample.Replace("\n", "\r\n"));
            Assert.Empty(result.Diagnostics);
            Assert.Equal("Get-HbtWidget -Color Red |\n    Select-Object -First 2", result.Command!.Examples[1].Code);
        }

        [Fact]
        public void EmptySynopsisIsReportedAtItsHeading()
        {
            string text = Sample.Replace("Gets widgets for the help builder's own tests.\n", string.Empty);
            AssertProblem(text, LineOf(text, "## SYNOPSIS"), "SYNOPSIS is empty");
        }

        [Fact]
        public void MissingOrEmptyDescriptionIsReported()
        {
            string missing = Sample.Replace("## DESCRIPTION", "Stray text instead of the heading");
            AssertProblem(missing, LineOf(missing, "# Get-HbtWidget"), "'## DESCRIPTION' section is missing");

            int start = Sample.IndexOf("The first paragraph", StringComparison.Ordinal);
            string empty = Sample.Remove(start, Sample.IndexOf("## EXAMPLES", StringComparison.Ordinal) - start);
            AssertProblem(empty, LineOf(empty, "## DESCRIPTION"), "DESCRIPTION is empty");
        }

        [Fact]
        public void ParameterWithoutDescriptionIsReportedAtItsHeading()
        {
            string text = Sample.Replace("Gets widgets even when they are hidden.\n", string.Empty);
            AssertProblem(text, LineOf(text, "### -Force"), "parameter -Force has no description");
        }

        [Theory]
        [InlineData("{{ Fill Limit Description }}")]
        [InlineData("{{ Add example code here }}")]
        public void PlatyPsPlaceholderIsReportedWhereItIs(string placeholder)
        {
            string text = Sample.Replace("The largest number of widgets to return.", placeholder);
            AssertProblem(text, LineOf(text, placeholder), "placeholder '" + placeholder + "'");
        }

        [Fact]
        public void ExamplesMustExistAndHaveCodeAndText()
        {
            int start = Sample.IndexOf("### Example 1", StringComparison.Ordinal);
            string none = Sample.Remove(start, Sample.IndexOf("## PARAMETERS", StringComparison.Ordinal) - start);
            AssertProblem(none, LineOf(none, "## EXAMPLES"), "EXAMPLES has no example");

            string noCode = Sample.Replace("```powershell\nGet-HbtWidget -Name gear\n```\n", string.Empty);
            AssertProblem(noCode, LineOf(noCode, "### Example 1"), "has no ```powershell code block");

            string noText = Sample.Replace("Gets the widget named gear.\n", string.Empty);
            AssertProblem(noText, LineOf(noText, "### Example 1"), "has no text saying what it does");
        }

        [Theory]
        [InlineData("Required: True\nPosition: 0", "Required: Yes\nPosition: 0", "Required: Yes", "Required of -Name must be True or False")]
        [InlineData("Position: 0", "Position: first", "Position: first", "Position of -Name must be 'Named' or a number")]
        [InlineData("Accept pipeline input: True (ByValue)", "Accept pipeline input: Yes", "Accept pipeline input: Yes", "Accept pipeline input of -Name must be")]
        [InlineData("Aliases: WidgetName\n\nRequired: True", "Aliases: WidgetName\nColour: red\n\nRequired: True", "Colour: red", "unknown key 'Colour'")]
        public void BadYamlValueIsReportedOnItsLine(string original, string replacement, string lineText, string message)
        {
            string text = Sample.Replace(original, replacement);
            AssertProblem(text, LineOf(text, lineText), message);
        }

        [Fact]
        public void YamlWithoutAKeyIsReported()
        {
            string text = Sample.Replace("Accept wildcard characters: False\n```\n\n### -Force", "```\n\n### -Force");
            Assert.Contains(Parse(text).Diagnostics, d => d.Message.Contains("the yaml of -Color has no 'Accept wildcard characters:'", StringComparison.Ordinal));
        }

        [Fact]
        public void SyntaxAndYamlMustAgree()
        {
            string undocumented = Sample.Replace("[-Limit <Int32>] [-Force] [<CommonParameters>]\n```\n\n### ByColor", "[-Limit <Int32>] [-Force] [-Extra] [<CommonParameters>]\n```\n\n### ByColor");
            AssertProblem(undocumented, LineOf(undocumented, "### ByName"), "names -Extra, which PARAMETERS does not describe");

            string missing = Sample.Replace("Get-HbtWidget [-Name] <String[]> [-Limit <Int32>] [-Force]", "Get-HbtWidget [-Name] <String[]> [-Force]");
            AssertProblem(missing, LineOf(missing, "### ByName"), "-Limit is in set 'ByName' by its yaml but missing from that set's syntax line");

            string unknownSet = Sample.Replace("Parameter Sets: ByColor\nAliases:\nAccepted", "Parameter Sets: ByShape\nAliases:\nAccepted");
            AssertProblem(unknownSet, LineOf(unknownSet, "Parameter Sets: ByShape") - 2, "names parameter set 'ByShape', which SYNTAX does not list");

            string notInSet = Sample.Replace("Get-HbtWidget [-Name] <String[]> [-Limit <Int32>] [-Force]", "Get-HbtWidget [-Name] <String[]> -Color <String> [-Limit <Int32>] [-Force]");
            AssertProblem(notInSet, LineOf(notInSet, "### ByName"), "names -Color, but its yaml does not list that set");
        }

        [Fact]
        public void TwoParametersAtOnePositionAreReported()
        {
            string text = Sample.Replace(
                "Type: Int32\nParameter Sets: (All)\nAliases:\n\nRequired: False\nPosition: Named",
                "Type: Int32\nParameter Sets: (All)\nAliases:\n\nRequired: False\nPosition: 0");
            Assert.Contains(Parse(text).Diagnostics, d => d.Message.Contains("both take position 0 in set 'ByName'", StringComparison.Ordinal));
        }

        [Fact]
        public void FileNameMustBeTheCmdletName()
        {
            ParseResult result = MarkdownHelpParser.Parse(Sample, "Get-Gadget.md");
            Assert.Contains(result.Diagnostics, d => d.Message.Contains("named 'Get-Gadget.md' but documents 'Get-HbtWidget'", StringComparison.Ordinal));
        }

        [Fact]
        public void FrontMatterWithSchema200IsRequired()
        {
            AssertProblem(Sample.Replace("schema: 2.0.0", "schema: 3.0.0"), 1, "schema: 2.0.0");
            AssertProblem(Sample.Substring(Sample.IndexOf("# Get-HbtWidget", StringComparison.Ordinal)), 1, "must start with YAML front matter");
        }

        [Fact]
        public void UnknownSectionAndUnclosedFenceAreReported()
        {
            string typo = Sample.Replace("## NOTES", "## NOTE");
            AssertProblem(typo, LineOf(typo, "## NOTE"), "unknown section '## NOTE'");

            Assert.Contains(Parse(Sample.TrimEnd() + "\n\n```\nnever closed\n").Diagnostics, d => d.Message.Contains("never closed", StringComparison.Ordinal));
        }

        [Fact]
        public void ProblemsUseTheFormMsBuildTurnsIntoBuildErrors()
        {
            var diagnostic = new HelpDiagnostic("docs/Get-EHUser.md", 12, "parameter -Name has no description");
            Assert.Equal("docs/Get-EHUser.md(12): error EHHELP: parameter -Name has no description", diagnostic.ToString());
        }
    }
}
