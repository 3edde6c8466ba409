using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>
    /// The about topics in en-US/ look like PowerShell's own (Get-Help prints them as they are, so they must
    /// fit an 80-column console), and about_ExtraHop, the module's front page, names every cmdlet and every
    /// ErrorId a script can test for.
    /// </summary>
    public sealed class AboutTopicTests
    {
        public static IEnumerable<object[]> Topics() => HelpSources.AboutTopics.Select(t => new object[] { t });

        [Theory]
        [MemberData(nameof(Topics))]
        public void TopicHasTheStandardLayoutIn80Columns(string topic)
        {
            string[] lines = File.ReadAllText(HelpSources.AboutTopicPath(topic)).Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

            for (int i = 0; i < lines.Length; i++)
            {
                Assert.True(lines[i].Length <= 80, $"{topic} line {i + 1} has {lines[i].Length} characters");
                Assert.False(lines[i].Contains('\t'), $"{topic} line {i + 1} has a tab");
                Assert.False(lines[i].EndsWith(' '), $"{topic} line {i + 1} ends with a space");
            }
            Assert.Equal("TOPIC", lines[0]);
            Assert.Equal("    " + topic, lines[1]);
            Assert.Equal(
                new[] { "TOPIC", "SHORT DESCRIPTION", "LONG DESCRIPTION", "EXAMPLES", "SEE ALSO" },
                lines.Where(l => Regex.IsMatch(l, "^[A-Z][A-Z ]+$")));
        }

        [Fact]
        public void AboutExtraHopNamesEveryExportedCmdlet()
        {
            string text = File.ReadAllText(HelpSources.AboutTopicPath("about_ExtraHop"));
            Assert.All(HelpSources.Cmdlets, cmdlet => Assert.Contains(cmdlet, text, StringComparison.Ordinal));
        }

        [Fact]
        public void AboutExtraHopExplainsEveryErrorId()
        {
            // The ErrorIds are the constants of src/ExtraHop/Base/ErrorIds.cs; scripts test for them, so each is explained.
            string source = File.ReadAllText(RepoPaths.Combine("src", "ExtraHop", "Base", "ErrorIds.cs"));
            var ids = Regex.Matches(source, @"const\s+string\s+\w+\s*=\s*""([^""]+)""").Select(m => m.Groups[1].Value).ToList();
            Assert.True(ids.Count >= 10, "no ErrorId constants found in ErrorIds.cs");

            string text = File.ReadAllText(HelpSources.AboutTopicPath("about_ExtraHop"));
            var missing = ids.Where(id => !Regex.IsMatch(text, @"(?m)^\s+" + Regex.Escape(id) + @"\s*$")).ToList();
            Assert.True(missing.Count == 0, "about_ExtraHop has no entry for: " + string.Join(", ", missing));
        }
    }
}
