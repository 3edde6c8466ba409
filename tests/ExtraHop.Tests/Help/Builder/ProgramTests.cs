using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.HelpBuilder;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>The help builder's command line, which the build runs: exit codes, messages with file and line, and no help file from broken input.</summary>
    public sealed class ProgramTests : IDisposable
    {
        private readonly string root = Path.Combine(Path.GetTempPath(), "ExtraHop.Tests.Help-" + Guid.NewGuid().ToString("N"));
        private readonly StringWriter stdout = new StringWriter();
        private readonly StringWriter stderr = new StringWriter();

        public ProgramTests()
        {
            Directory.CreateDirectory(Docs);
        }

        private string Docs => Path.Combine(root, "docs");

        private string Output => Path.Combine(root, "out", "en-US", "ExtraHop.dll-Help.xml");

        private static string Sample => SampleHelp.Text;

        public void Dispose() => Directory.Delete(root, recursive: true);

        private int Run(params string[] args) => HelpBuilderApp.Run(args, stdout, stderr);

        private void AddDoc(string fileName, string text) => File.WriteAllText(Path.Combine(Docs, fileName), text);

        [Fact]
        public void WritesTheHelpFileCreatingItsFolderAndSkipsAboutTopics()
        {
            AddDoc("Get-HbtWidget.md", Sample);
            AddDoc("about_Widgets.md", "# about_Widgets\n\nnot a cmdlet");
            Assert.Equal(HelpBuilderApp.Success, Run(Docs, Output));
            Assert.True(File.Exists(Output));
            Assert.False(File.Exists(Output + ".tmp"));
            Assert.Contains("help for 1 cmdlet(s)", stdout.ToString(), StringComparison.Ordinal);
            Assert.Equal(string.Empty, stderr.ToString());
        }

        [Fact]
        public void BrokenInputFailsWithFileAndLineAndWritesNothing()
        {
            string path = Path.Combine(Docs, "Get-HbtWidget.md");
            File.WriteAllText(path, Sample.Replace("Gets widgets even when they are hidden.\n", string.Empty));

            Assert.Equal(HelpBuilderApp.InvalidHelp, Run(Docs, Output));
            Assert.Contains(path + "(", stderr.ToString(), StringComparison.Ordinal);
            Assert.Matches(@"Get-HbtWidget\.md\(\d+\): error EHHELP: parameter -Force has no description", stderr.ToString());
            Assert.Contains("was not written", stderr.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(Output));
        }

        [Fact]
        public void EveryProblemOfEveryFileIsReportedInOneRun()
        {
            AddDoc("Get-HbtWidget.md", Sample.Replace("Gets widgets for the help builder's own tests.\n", string.Empty));
            AddDoc("Get-HbtGadget.md", Sample.Replace("Get-HbtWidget", "Get-HbtGadget").Replace("The largest number of widgets to return.", "{{ Fill Limit Description }}"));

            Assert.Equal(HelpBuilderApp.InvalidHelp, Run(Docs, Output));
            Assert.Contains("SYNOPSIS is empty", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("placeholder '{{ Fill Limit Description }}'", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("2 problem(s) in 2 file(s)", stderr.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void FilesMustNotDocumentACmdletTwiceAndMustNameOneHelpFile()
        {
            AddDoc("Get-HbtWidget.md", Sample);
            AddDoc("get-hbtwidget.MD.md", Sample);
            Assert.Equal(HelpBuilderApp.InvalidHelp, Run(Docs, Output));

            File.Delete(Path.Combine(Docs, "get-hbtwidget.MD.md"));
            AddDoc("Get-HbtGadget.md", Sample.Replace("Get-HbtWidget", "Get-HbtGadget").Replace("ExtraHop.dll-Help.xml", "Other.dll-Help.xml"));
            Assert.Equal(HelpBuilderApp.InvalidHelp, Run(Docs, Output));
            Assert.Matches(@"'external help file: \S+' differs from '\S+' in ", stderr.ToString());
        }

        [Fact]
        public void WrongUsageExitsWithTwoAndAnEmptyFolderWithOne()
        {
            Assert.Equal(HelpBuilderApp.UsageError, Run(Docs));
            Assert.Contains("Usage: dotnet ExtraHop.HelpBuilder.dll <docsDir> <outFile>", stderr.ToString(), StringComparison.Ordinal);
            Assert.Equal(HelpBuilderApp.UsageError, Run(Path.Combine(root, "nope"), Output));
            Assert.Contains("does not exist", stderr.ToString(), StringComparison.Ordinal);

            Assert.Equal(HelpBuilderApp.InvalidHelp, Run(Docs, Output));
            Assert.Contains("no cmdlet help", stderr.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task TheBuildsOwnCopyFailsTheBuildOnBrokenHelp()
        {
            // The BuildHelp target of src/ExtraHop runs src/ExtraHop.HelpBuilder/bin/<Configuration>/net10.0/ExtraHop.HelpBuilder.dll
            // and fails when it exits non-zero, showing its "file(line): error" lines: check that contract on that very file.
            string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            string builder = RepoPaths.Combine("src", "ExtraHop.HelpBuilder", "bin", configuration, "net10.0", "ExtraHop.HelpBuilder.dll");
            Assert.True(File.Exists(builder), builder + " is missing; build src/ExtraHop first");

            AddDoc("Get-HbtWidget.md", Sample.Replace("## SYNOPSIS\n", "## SYNOPSIS\n{{ Fill in the Synopsis }}\n"));
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { builder, Docs, Output }) start.ArgumentList.Add(argument);
            using Process process = Process.Start(start)!;
            using var oneMinute = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            Task<string> output = process.StandardOutput.ReadToEndAsync(oneMinute.Token);
            Task<string> errorOutput = process.StandardError.ReadToEndAsync(oneMinute.Token);
            await process.WaitForExitAsync(oneMinute.Token);
            await output;
            string errors = await errorOutput;

            Assert.Equal(HelpBuilderApp.InvalidHelp, process.ExitCode);
            Assert.Matches(@"Get-HbtWidget\.md\(11\): error EHHELP: placeholder", errors);
            Assert.False(File.Exists(Output));
        }
    }
}
