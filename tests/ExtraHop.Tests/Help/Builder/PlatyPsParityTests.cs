using System;
using System.Collections.Generic;
using System.Linq;
using ExtraHop.HelpBuilder;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>The builder names what real PlatyPS would read differently, each at its file and line.</summary>
    public sealed class PlatyPsParityTests
    {
        private const string Metadata = "Locale: en-US\nms.date: 12/02/2026\ntitle: Get-HbtWidget\n";

        private static IReadOnlyList<HelpDiagnostic> Check(string text)
        {
            ParseResult parsed = MarkdownHelpParser.Parse(text, SampleHelp.FileName);
            Assert.Empty(parsed.Diagnostics);
            return PlatyPsParity.Check(text, parsed.Command!);
        }

        private static string Sample(string metadata = Metadata) =>
            SampleHelp.Text.Replace("schema: 2.0.0\n", "schema: 2.0.0\n" + metadata, StringComparison.Ordinal);

        private static int LineOf(string text, string needle) =>
            Array.FindIndex(text.Split('\n'), l => l.StartsWith(needle, StringComparison.Ordinal)) + 1;

        [Fact]
        public void AWrappedListItemIsReportedAtTheItem()
        {
            string text = Sample();
            HelpDiagnostic problem = Assert.Single(Check(text));
            Assert.Equal(LineOf(text, "- second item"), problem.Line);
            Assert.Contains("one line", problem.Message, StringComparison.Ordinal);

            Assert.Empty(Check(text.Replace("- second item\n  continues here", "- second item continues here", StringComparison.Ordinal)));
        }

        [Fact]
        public void ASetThatOnlyAllNamesIsReported()
        {
            // -Color is the only parameter that named set ByColor besides -Name's second block; without both, only (All) covers it.
            string text = Sample().Replace("- second item\n  continues here", "- second item", StringComparison.Ordinal);
            string unnamed = text
                .Replace("Get-HbtWidget [-Name <String[]>] -Color <String> [-Limit <Int32>] [-Force]", "Get-HbtWidget [-Limit <Int32>] [-Force]", StringComparison.Ordinal)
                .Replace("Parameter Sets: ByColor\nAliases:\nAccepted values: Red, Green, Blue", "Parameter Sets: ByName\nAliases:\nAccepted values: Red, Green, Blue", StringComparison.Ordinal)
                .Replace("Get-HbtWidget [-Name] <String[]> [-Limit <Int32>] [-Force]", "Get-HbtWidget [-Name] <String[]> -Color <String> [-Limit <Int32>] [-Force]", StringComparison.Ordinal);
            int start = unnamed.IndexOf("```yaml\nType: String[]\nParameter Sets: ByColor", StringComparison.Ordinal);
            unnamed = unnamed.Remove(start, unnamed.IndexOf("```\n", start + 8, StringComparison.Ordinal) + 4 - start);

            HelpDiagnostic problem = Assert.Single(Check(unnamed));
            Assert.Equal(LineOf(unnamed, "### ByColor"), problem.Line);
            Assert.Contains("set 'ByColor'", problem.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void MetadataPlatyPs1WantsIsRequiredAndAnEmptyOnlineVersionIsRefused()
        {
            string fixedList = "- second item continues here";
            string none = Sample(string.Empty).Replace("- second item\n  continues here", fixedList, StringComparison.Ordinal);
            Assert.Equal(
                new[] { "Locale:", "ms.date:", "title:" },
                Check(none).Select(d => d.Message.Split('\'')[1]));

            string empty = Sample().Replace("- second item\n  continues here", fixedList, StringComparison.Ordinal)
                .Replace("online version: https://example.com/help/Get-HbtWidget", "online version:", StringComparison.Ordinal);
            Assert.Contains("Get-Help -Online", Assert.Single(Check(empty)).Message, StringComparison.Ordinal);

            string badDate = Sample("Locale: en-US\nms.date: 2026-12-02\ntitle: Get-HbtWidget\n").Replace("- second item\n  continues here", fixedList, StringComparison.Ordinal);
            Assert.Contains("MM/dd/yyyy", Assert.Single(Check(badDate)).Message, StringComparison.Ordinal);
        }
    }
}
