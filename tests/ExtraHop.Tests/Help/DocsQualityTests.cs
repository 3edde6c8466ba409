using System.Collections.Generic;
using System.Linq;
using ExtraHop.HelpBuilder;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>
    /// What the build's parser does not demand but an admin reading Get-Help needs: enough description, several
    /// worked examples, inputs, outputs, links that lead somewhere, and -Session explained the same way everywhere.
    /// </summary>
    public sealed class DocsQualityTests
    {
        public static IEnumerable<object[]> Cmdlets() => HelpSources.CmdletData();

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void PlatyPsWouldBuildTheSameHelp(string cmdlet)
        {
            string text = System.IO.File.ReadAllText(System.IO.Path.Combine(HelpSources.DocsFolder, cmdlet + ".md"));
            IReadOnlyList<HelpDiagnostic> problems = PlatyPsParity.Check(text, HelpSources.Doc(cmdlet));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void HelpIsFinishedForAdmins(string cmdlet)
        {
            CommandHelp doc = HelpSources.Doc(cmdlet);

            // PlatyPS's New-ExternalHelp (build.ps1 -Task Help) groups files by these keys; PlatyPS 1.0 also wants
            // the locale, the date and the title. No online address yet: an empty one only breaks Get-Help -Online.
            Assert.Equal("ExtraHop.dll-Help.xml", doc.Metadata["external help file"]);
            Assert.Equal("ExtraHop", doc.Metadata["Module Name"]);
            Assert.Equal("en-US", doc.Metadata.GetValueOrDefault("Locale"));
            Assert.Equal(cmdlet, doc.Metadata.GetValueOrDefault("title"));
            Assert.True(System.DateTime.TryParseExact(doc.Metadata.GetValueOrDefault("ms.date"), "MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _), "ms.date as MM/dd/yyyy");
            Assert.False(doc.Metadata.ContainsKey("online version"), "leave 'online version' out until the help has an address");

            Assert.True(doc.Description.Sum(p => p.Length) >= 300, "the description should say what the cmdlet does, when to use it and how it fails");
            Assert.True(doc.Examples.Count >= 2, "at least two examples");
            for (int i = 0; i < doc.Examples.Count; i++)
            {
                Assert.StartsWith($"Example {i + 1}: ", doc.Examples[i].Title, System.StringComparison.Ordinal);
                Assert.NotEmpty(doc.Examples[i].Remarks);
            }
            Assert.NotEmpty(doc.Inputs);
            Assert.NotEmpty(doc.Outputs);
            Assert.NotEmpty(doc.RelatedLinks);
            foreach (LinkHelp link in doc.RelatedLinks.Where(l => l.Uri == null))
            {
                Assert.True(HelpSources.Cmdlets.Contains(link.Text) || HelpSources.AboutTopics.Contains(link.Text), $"related link '{link.Text}' names no cmdlet or about topic of the module");
            }

            ParameterHelp? session = doc.Parameters.FirstOrDefault(p => p.Name == "Session");
            if (session != null)
            {
                string text = string.Join(" ", session.Description);
                Assert.Contains("host name", text, System.StringComparison.Ordinal);
                Assert.Contains("default session", text, System.StringComparison.Ordinal);
            }
        }
    }
}
