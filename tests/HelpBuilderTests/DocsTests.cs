using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ExtraHop.HelpBuilder;
using Xunit;

namespace HelpBuilderTests
{
    /// <summary>The project's help sources are complete: every cmdlet has a finished markdown file and the about topics are in shape.</summary>
    public sealed class DocsTests
    {
        public static readonly string[] ExpectedCmdlets =
        {
            "Connect-ExtraHop", "Disconnect-ExtraHop", "Get-EHSession", "Get-EHSystem", "Get-EHUser", "Send-EHFirmware",
            "Invoke-EHFirmwareUpgrade", "Wait-EHJob", "Get-EHJob", "Get-EHFirmware", "Undo-EHFirmwareUpgrade",
            "Get-EHClusterIngest", "Set-EHClusterIngest", "Get-EHUpgradePlan",
        };

        public static readonly string[] AboutTopics =
        {
            "about_ExtraHop", "about_ExtraHop_Connections", "about_ExtraHop_FirmwareUpgrade", "about_ExtraHop_DeploymentUpgrade",
        };

        public static readonly string[] ErrorIds =
        {
            "ExtraHop.AuthenticationFailed", "ExtraHop.PermissionDenied", "ExtraHop.NotFound", "ExtraHop.CertificateUntrusted",
            "ExtraHop.ConnectionFailed", "ExtraHop.Timeout", "ExtraHop.RateLimited", "ExtraHop.ServerError", "ExtraHop.BadRequest",
            "ExtraHop.NoDefaultSession", "ExtraHop.JobFailed", "ExtraHop.JobTimedOut", "ExtraHop.WaitTimedOut",
        };

        public static IEnumerable<object[]> DocFiles() =>
            Directory.GetFiles(RepoPaths.Docs, "*.md").Select(f => new object[] { Path.GetFileName(f) });

        public static IEnumerable<object[]> AboutTopicNames() => AboutTopics.Select(t => new object[] { t });

        [Fact]
        public void EveryCmdletHasExactlyOneHelpFileAndNothingElseIsInDocs()
        {
            var files = Directory.GetFiles(RepoPaths.Docs, "*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n).ToList();
            Assert.Equal(ExpectedCmdlets.OrderBy(n => n), files);
        }

        [Theory]
        [MemberData(nameof(DocFiles))]
        public void HelpFileParsesWithoutAnyProblem(string file)
        {
            ParseResult result = MarkdownHelpParser.ParseFile(Path.Combine(RepoPaths.Docs, file));
            Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
            Assert.NotNull(result.Command);
        }

        [Theory]
        [MemberData(nameof(DocFiles))]
        public void HelpFileIsFinishedForUsers(string file)
        {
            CommandHelp doc = MarkdownHelpParser.ParseFile(Path.Combine(RepoPaths.Docs, file)).Command!;

            Assert.Equal("ExtraHop.dll-Help.xml", doc.Metadata["external help file"]);
            Assert.Equal("ExtraHop", doc.Metadata["Module Name"]);
            Assert.NotEmpty(doc.Synopsis);
            Assert.True(doc.Description.Sum(p => p.Length) >= 300, "the description should say what the cmdlet does, when to use it and how it fails");
            Assert.True(doc.Examples.Count >= 2, "at least two examples");
            Assert.All(doc.Examples, e => Assert.NotEmpty(e.Remarks));
            Assert.All(doc.Examples, e => Assert.Matches(@"^Example \d+: \S", e.Title));
            Assert.All(doc.Parameters, p => Assert.NotEmpty(p.Description));
            Assert.NotEmpty(doc.Inputs);
            Assert.NotEmpty(doc.Outputs);
            Assert.NotEmpty(doc.RelatedLinks);

            // Every cmdlet that reaches an appliance explains -Session the same way: objects or host names, default session.
            ParameterHelp? session = doc.Parameters.FirstOrDefault(p => p.Name == "Session");
            if (session != null)
            {
                Assert.Contains("host name", string.Join(" ", session.Description));
                Assert.Contains("default session", string.Join(" ", session.Description));
            }
        }

        [Theory]
        [MemberData(nameof(DocFiles))]
        public void ExamplesUseOnlyTheModulesRealCmdletsAndParameters(string file)
        {
            CommandHelp doc = MarkdownHelpParser.ParseFile(Path.Combine(RepoPaths.Docs, file)).Command!;
            var all = ExpectedCmdlets.ToDictionary(n => n, n => MarkdownHelpParser.ParseFile(Path.Combine(RepoPaths.Docs, n + ".md")).Command!);
            foreach (ExampleHelp example in doc.Examples)
            {
                // Each "<Verb>-EH<Noun>" or "*-ExtraHop" call names a documented cmdlet and only its parameters.
                foreach (Match call in Regex.Matches(example.Code, @"\b(\w+-(?:EH\w+|ExtraHop))\b((?:[^|\n;()]|\n\s+-)*)"))
                {
                    string name = call.Groups[1].Value;
                    Assert.True(all.ContainsKey(name), $"{example.Title}: unknown cmdlet {name}");
                    foreach (Match parameter in Regex.Matches(call.Groups[2].Value, @"(?<=\s)-([A-Za-z]+)"))
                    {
                        string p = parameter.Groups[1].Value;
                        bool known = all[name].Parameters.Any(x => string.Equals(x.Name, p, StringComparison.OrdinalIgnoreCase))
                            || new[] { "ErrorAction", "WarningAction", "Verbose", "ErrorVariable", "OutVariable" }.Contains(p, StringComparer.OrdinalIgnoreCase);
                        Assert.True(known, $"{file}, {example.Title}: {name} has no parameter -{p}");
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(DocFiles))]
        public void RelatedLinksPointToHelpThatExists(string file)
        {
            CommandHelp doc = MarkdownHelpParser.ParseFile(Path.Combine(RepoPaths.Docs, file)).Command!;
            foreach (LinkHelp link in doc.RelatedLinks.Where(l => l.Uri == null))
            {
                bool exists = ExpectedCmdlets.Contains(link.Text) || AboutTopics.Contains(link.Text);
                Assert.True(exists, $"{file}: related link '{link.Text}' names no cmdlet or about topic of the module");
            }
        }

        [Fact]
        public void TheBuilderAcceptsTheRealDocsFolder()
        {
            string output = Path.Combine(Path.GetTempPath(), "HelpBuilderTests-" + Guid.NewGuid().ToString("N"), "ExtraHop.dll-Help.xml");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            try
            {
                Assert.Equal(HelpBuilderApp.Success, HelpBuilderApp.Run(new[] { RepoPaths.Docs, output }, stdout, stderr));
                Assert.Equal(string.Empty, stderr.ToString());
                Assert.True(File.Exists(output));
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
            }
        }

        [Theory]
        [MemberData(nameof(AboutTopicNames))]
        public void AboutTopicHasTheStandardLayoutIn80Columns(string topic)
        {
            string path = Path.Combine(RepoPaths.EnUs, topic + ".help.txt");
            Assert.True(File.Exists(path), path + " is missing");
            string[] lines = File.ReadAllText(path).Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

            Assert.All(lines.Select((l, i) => (l, i)), x => Assert.True(x.l.Length <= 80, $"{topic} line {x.i + 1} is {x.l.Length} characters long"));
            Assert.DoesNotContain(lines, l => l.Contains('\t'));
            Assert.DoesNotContain(lines, l => l.EndsWith(' '));

            Assert.Equal("TOPIC", lines[0]);
            Assert.Equal("    " + topic, lines[1]);
            var headings = lines.Where(l => Regex.IsMatch(l, "^[A-Z][A-Z ]+$")).ToList();
            Assert.Equal(new[] { "TOPIC", "SHORT DESCRIPTION", "LONG DESCRIPTION", "EXAMPLES", "SEE ALSO" }, headings);
        }

        [Fact]
        public void AboutExtraHopListsEveryCmdletAndEveryErrorId()
        {
            string text = File.ReadAllText(Path.Combine(RepoPaths.EnUs, "about_ExtraHop.help.txt"));
            Assert.All(ExpectedCmdlets, c => Assert.Contains(c, text));
            Assert.All(ErrorIds, e => Assert.Contains(e, text));
            Assert.Contains("dotnet run --project src/ExtraHop.Simulator -- --appliances 3", text);
        }

        [Theory]
        [InlineData("about_ExtraHop_Connections", new[] { "Get-Secret", "-NotDefault", "-CertificateThumbprint", "-SkipCertificateCheck", "-AllowUnencryptedAuthentication", "-Proxy", "-MaximumRetryCount", "$using:", "ForEach-Object -Parallel", "-ClientCredential" })]
        [InlineData("about_ExtraHop_FirmwareUpgrade", new[] { "Send-EHFirmware", "-Uri", "-Version", "Import-Csv", "-ThrottleLimit", "-NoWait", "Wait-EHJob", "Ctrl+C", "Undo-EHFirmwareUpgrade", "TimedOut", "Skipped" })]
        [InlineData("about_ExtraHop_DeploymentUpgrade", new[] { "consoles", "sensors", "manager nodes", "data nodes", "packetstores", "Get-EHUpgradePlan", "-ManagerNode", "-WhatIf", "Set-EHClusterIngest -Enabled $true", "IngestAction" })]
        public void AboutTopicCoversItsSubjects(string topic, string[] subjects)
        {
            string text = File.ReadAllText(Path.Combine(RepoPaths.EnUs, topic + ".help.txt"));
            Assert.All(subjects, s => Assert.Contains(s, text));
        }
    }
}
