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
    }
}
