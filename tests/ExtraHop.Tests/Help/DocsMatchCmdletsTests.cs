using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExtraHop.HelpBuilder;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>
    /// docs/*.md say exactly what the real cmdlets are, as the engine that imported the module sees them. A
    /// difference means Get-Help would tell an admin something the cmdlet does not do; the cmdlet is the truth.
    /// </summary>
    [Collection(HelpEngineCollection.Name)]
    public sealed class DocsMatchCmdletsTests
    {
        private readonly HelpEngine engine;

        public DocsMatchCmdletsTests(HelpEngine engine)
        {
            this.engine = engine;
        }

        public static IEnumerable<object[]> Cmdlets() => HelpSources.CmdletData();

        [Fact]
        public void EveryExportedCmdletHasOneHelpFileAndDocsHoldNothingElse()
        {
            var files = Directory.GetFiles(HelpSources.DocsFolder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(HelpSources.Cmdlets.Select(c => c + ".md").OrderBy(n => n, StringComparer.Ordinal), files);
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void HelpMatchesTheRealCmdlet(string cmdlet)
        {
            List<string> problems = DocsComparer.Compare(engine.Cmdlet(cmdlet), HelpSources.Doc(cmdlet));
            Assert.True(problems.Count == 0, $"docs/{cmdlet}.md differs from the cmdlet:\n" + string.Join("\n", problems));
        }

        [Fact]
        public void TheComparisonNoticesEachKindOfDifference()
        {
            string text = File.ReadAllText(Path.Combine(HelpSources.DocsFolder, "Send-EHFirmware.md")).Replace("\r\n", "\n");
            string changed = text
                .Replace("Aliases: FullName\n\nRequired: True\nPosition: 0", "Aliases:\n\nRequired: False\nPosition: 1")
                .Replace("Send-EHFirmware [-Path] <String>", "Send-EHFirmware -Path <String>")
                .Replace("### ExtraHop.Models.FirmwareUpload", "### ExtraHop.Models.FirmwareInfo");
            ParseResult parsed = MarkdownHelpParser.Parse(changed, "Send-EHFirmware.md");
            Assert.Empty(parsed.Diagnostics);

            List<string> problems = DocsComparer.Compare(engine.Cmdlet("Send-EHFirmware"), parsed.Command!);

            Assert.Contains(problems, p => p.StartsWith("-Path: aliases are [FullName]", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("-Path in set '__AllParameterSets': Required is True", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("-Path in set '__AllParameterSets': Position is 0", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("syntax of set '__AllParameterSets': -Path is positional", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("OUTPUTS: the cmdlet declares [ExtraHop.Models.FirmwareUpload]", StringComparison.Ordinal));

            string wait = File.ReadAllText(Path.Combine(HelpSources.DocsFolder, "Wait-EHJob.md")).Replace("\r\n", "\n").Replace("Default value: 3600", "Default value: 60");
            Assert.Contains(DocsComparer.Compare(engine.Cmdlet("Wait-EHJob"), MarkdownHelpParser.Parse(wait, "Wait-EHJob.md").Command!), p => p == "-TimeoutSec: default is 3600, the help says 60");
        }
    }
}
