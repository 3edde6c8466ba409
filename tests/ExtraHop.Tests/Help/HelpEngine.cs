using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ExtraHop.HelpBuilder;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>
    /// One hosted engine with the real module imported, shared by the help tests that need Get-Command or
    /// Get-Help: starting an engine per test would cost more than the tests themselves. The tests that share it
    /// are in one collection, so they never use its runspace at the same time.
    /// </summary>
    public sealed class HelpEngine : IDisposable
    {
        private readonly ConcurrentDictionary<string, CmdletInfo> commands = new ConcurrentDictionary<string, CmdletInfo>(StringComparer.OrdinalIgnoreCase);

        public HostedPowerShell Shell { get; } = new HostedPowerShell();

        /// <summary>The module's cmdlet as the engine sees it after Import-Module: its real parameter sets, parameters and output types.</summary>
        public CmdletInfo Cmdlet(string name) => commands.GetOrAdd(name, n =>
        {
            PsResult result = Shell.Invoke("Get-Command -Name $args[0] -Module ExtraHop -CommandType Cmdlet", n).AssertNoErrors();
            return (CmdletInfo)result.Output.Single().BaseObject;
        });

        public void Dispose() => Shell.Dispose();
    }

    [CollectionDefinition(Name)]
    public sealed class HelpEngineCollection : ICollectionFixture<HelpEngine>
    {
        public const string Name = "Help engine with the real module";
    }

    /// <summary>docs/*.md read once by the help builder's parser, and the other help sources of the repository.</summary>
    public static class HelpSources
    {
        private static readonly Lazy<Dictionary<string, CommandHelp>> Parsed = new Lazy<Dictionary<string, CommandHelp>>(() =>
        {
            var docs = new Dictionary<string, CommandHelp>(StringComparer.OrdinalIgnoreCase);
            foreach (string file in Directory.GetFiles(DocsFolder, "*.md"))
            {
                ParseResult result = MarkdownHelpParser.ParseFile(file);
                if (!result.Succeeded)
                {
                    // The build refuses such a file too; say why here rather than fail later on a null.
                    throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
                }
                docs.Add(result.Command!.Name, result.Command);
            }
            return docs;
        });

        public static string DocsFolder => RepoPaths.Combine("docs");

        /// <summary>Every docs/*.md, by the cmdlet name in its heading.</summary>
        public static IReadOnlyDictionary<string, CommandHelp> Docs => Parsed.Value;

        public static CommandHelp Doc(string cmdlet) => Docs[cmdlet];

        /// <summary>The cmdlets ExtraHop.psd1 exports (the manifest test proves these are the module's cmdlets).</summary>
        public static IReadOnlyList<string> Cmdlets => Module.ManifestTests.DeclaredCmdlets();

        public static IEnumerable<object[]> CmdletData() => Cmdlets.Select(c => new object[] { c });

        public static IReadOnlyList<string> AboutTopics =>
            Directory.GetFiles(RepoPaths.Combine("en-US"), "about_*.help.txt")
                .Select(f => Path.GetFileName(f).Replace(".help.txt", string.Empty, StringComparison.Ordinal))
                .OrderBy(t => t, StringComparer.Ordinal)
                .ToList();

        public static string AboutTopicPath(string topic) => RepoPaths.Combine("en-US", topic + ".help.txt");
    }
}
