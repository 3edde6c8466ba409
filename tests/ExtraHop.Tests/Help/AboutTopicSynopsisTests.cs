using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>
    /// PowerShell takes an about topic's synopsis (what `Get-Help about_ExtraHop*` lists) from the first line
    /// under SHORT DESCRIPTION only, so a short description that wraps is shown cut off mid-sentence.
    /// </summary>
    [Collection(HelpEngineCollection.Name)]
    public sealed class AboutTopicSynopsisTests
    {
        private readonly HelpEngine engine;

        public AboutTopicSynopsisTests(HelpEngine engine)
        {
            this.engine = engine;
        }

        public static IEnumerable<object[]> Topics() => HelpSources.AboutTopics.Select(t => new object[] { t });

        [Theory]
        [MemberData(nameof(Topics))]
        public void ShortDescriptionIsOneLine(string topic)
        {
            List<string> lines = ShortDescription(topic);
            Assert.True(lines.Count == 1, $"{topic}: SHORT DESCRIPTION has {lines.Count} lines; Get-Help shows only the first:\n" + string.Join("\n", lines));
            Assert.EndsWith(".", lines[0], StringComparison.Ordinal);
        }

        [Fact]
        public void GetHelpListsEachTopicWithItsWholeShortDescription()
        {
            Dictionary<string, string> listed = engine.Shell.Invoke("Get-Help -Name 'about_ExtraHop*' -Category HelpFile").AssertNoErrors().Output
                .ToDictionary(h => (string)h.Properties["Name"].Value, h => ((string)h.Properties["Synopsis"].Value).Trim(), StringComparer.OrdinalIgnoreCase);

            Assert.Equal(HelpSources.AboutTopics.OrderBy(t => t, StringComparer.Ordinal), listed.Keys.OrderBy(t => t, StringComparer.Ordinal));
            foreach (string topic in HelpSources.AboutTopics)
            {
                Assert.Equal(string.Join(" ", ShortDescription(topic)), listed[topic]);
            }
        }

        /// <summary>The non-empty lines between SHORT DESCRIPTION and the next heading, trimmed.</summary>
        private static List<string> ShortDescription(string topic) =>
            File.ReadAllLines(HelpSources.AboutTopicPath(topic))
                .SkipWhile(l => l != "SHORT DESCRIPTION")
                .Skip(1)
                .TakeWhile(l => l.Length == 0 || l.StartsWith(" ", StringComparison.Ordinal))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0)
                .ToList();
    }
}
