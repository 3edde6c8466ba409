using System;
using System.IO;
using ExtraHop.HelpBuilder;
using Xunit;

namespace HelpBuilderTests
{
    /// <summary>The command line: exit codes, messages with file and line, and no help file from broken input.</summary>
    public sealed class ProgramTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "HelpBuilderTests-" + Guid.NewGuid().ToString("N"));
        private readonly StringWriter _stdout = new StringWriter();
        private readonly StringWriter _stderr = new StringWriter();

        public ProgramTests()
        {
            Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        }

        private string Docs => Path.Combine(_dir, "docs");

        private string Output => Path.Combine(_dir, "out", "en-US", "ExtraHop.dll-Help.xml");

        private static string Sample => File.ReadAllText(Path.Combine(RepoPaths.TestData, "Get-HbtWidget.md")).Replace("\r\n", "\n");

        private int Run(params string[] args) => HelpBuilderApp.Run(args, _stdout, _stderr);

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        [Fact]
        public void WritesTheHelpFileAndCreatesItsFolder()
        {
            File.WriteAllText(Path.Combine(Docs, "Get-HbtWidget.md"), Sample);
            Assert.Equal(HelpBuilderApp.Success, Run(Docs, Output));
            Assert.True(File.Exists(Output));
            Assert.False(File.Exists(Output + ".tmp"));
            Assert.Contains("help for 1 cmdlet(s)", _stdout.ToString());
            Assert.Equal(string.Empty, _stderr.ToString());
        }

        [Fact]
        public void MalformedInputFailsWithFileAndLineAndWritesNothing()
        {
            string path = Path.Combine(Docs, "Get-HbtWidget.md");
            File.WriteAllText(path, Sample.Replace("Gets widgets even when they are hidden.\n", string.Empty));

            Assert.Equal(HelpBuilderApp.InvalidHelp, Run(Docs, Output));
            string error = _stderr.ToString();
            Assert.Contains(path + "(", error);
            Assert.Matches(@"Get-HbtWidget\.md\(\d+\): error EHHELP: parameter -Force has no description", error);
            Assert.Contains("was not written", error);
            Assert.False(File.Exists(Output));
        }

        [Fact]
        public void EveryProblemOfEveryFileIsReportedInOneRun()
        {
            File.WriteAllText(Path.Combine(Docs, "Get-HbtWidget.md"), Sample.Replace("Gets widgets for the help builder's own tests.\n", string.Empty));
            File.WriteAllText(Path.Combine(Docs, "Get-HbtGadget.md"), Sample.Replace("Get-HbtWidget", "Get-HbtGadget").Replace("The largest number of widgets to return.", "{{ Fill Limit Description }}"));

            Assert.Equal(HelpBuilderApp.InvalidHelp, Run(Docs, Output));
            string error = _stderr.ToString();
            Assert.Contains("SYNOPSIS is empty", error);
            Assert.Contains("placeholder '{{ Fill Limit Description }}'", error);
            Assert.Contains("2 problem(s) in 2 file(s)", error);
        }

        [Fact]
        public void ACmdletDocumentedTwiceIsRefused()
        {
            File.WriteAllText(Path.Combine(Docs, "Get-HbtWidget.md"), Sample);
            File.WriteAllText(Path.Combine(Docs, "get-hbtwidget.MD.md"), Sample);
            Assert.Equal(HelpBuilderApp.InvalidHelp, Run(Docs, Output));
        }

        [Fact]
        public void FilesMustAgreeOnTheExternalHelpFile()
        {
            File.WriteAllText(Path.Combine(Docs, "Get-HbtWidget.md"), Sample);
            File.WriteAllText(Path.Combine(Docs, "Get-HbtGadget.md"), Sample.Replace("Get-HbtWidget", "Get-HbtGadget").Replace("ExtraHop.dll-Help.xml", "Other.dll-Help.xml"));
            Assert.Equal(HelpBuilderApp.InvalidHelp, Run(Docs, Output));
            Assert.Matches(@"'external help file: \S+' differs from '\S+' in ", _stderr.ToString());
        }

        [Fact]
        public void AboutTopicsInDocsAreSkipped()
        {
            File.WriteAllText(Path.Combine(Docs, "Get-HbtWidget.md"), Sample);
            File.WriteAllText(Path.Combine(Docs, "about_Widgets.md"), "# about_Widgets\n\nnot a cmdlet");
            Assert.Equal(HelpBuilderApp.Success, Run(Docs, Output));
        }

        [Fact]
        public void WrongUsageExitsWithTwo()
        {
            Assert.Equal(HelpBuilderApp.UsageError, Run(Docs));
            Assert.Contains("Usage: dotnet ExtraHop.HelpBuilder.dll <docsDir> <outFile>", _stderr.ToString());

            Assert.Equal(HelpBuilderApp.UsageError, Run(Path.Combine(_dir, "nope"), Output));
            Assert.Contains("does not exist", _stderr.ToString());
        }

        [Fact]
        public void AnEmptyDocsFolderIsAnError()
        {
            Assert.Equal(HelpBuilderApp.InvalidHelp, Run(Docs, Output));
            Assert.Contains("no cmdlet help", _stderr.ToString());
        }

        [Fact]
        public void RunsAsTheBuildWillRunIt()
        {
            // The build calls "dotnet ExtraHop.HelpBuilder.dll <docsDir> <outFile>" and looks only at the exit code
            // and the output; check that contract on the real program, not just on HelpBuilderApp.Run.
            string builder = Path.Combine(AppContext.BaseDirectory, "ExtraHop.HelpBuilder.dll");
            File.WriteAllText(Path.Combine(Docs, "Get-HbtWidget.md"), Sample);
            (int exit, string stdout, string _) = RunProcess(builder, Docs, Output);
            Assert.Equal(0, exit);
            Assert.Contains("help for 1 cmdlet(s)", stdout);
            Assert.True(File.Exists(Output));

            File.WriteAllText(Path.Combine(Docs, "Get-HbtWidget.md"), Sample.Replace("## SYNOPSIS\n", "## SYNOPSIS\n{{ Fill in the Synopsis }}\n"));
            (exit, _, string stderr) = RunProcess(builder, Docs, Output);
            Assert.Equal(1, exit);
            Assert.Matches(@"Get-HbtWidget\.md\(11\): error EHHELP: placeholder", stderr);
        }

        private static (int Exit, string Stdout, string Stderr) RunProcess(params string[] args)
        {
            var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            System.Threading.Tasks.Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "the help builder did not finish within a minute");
            return (process.ExitCode, stdout.Result, stderr);
        }

        [Fact]
        public void OutputIsTheSameOnEveryRun()
        {
            File.WriteAllText(Path.Combine(Docs, "Get-HbtWidget.md"), Sample);
            Assert.Equal(HelpBuilderApp.Success, Run(Docs, Output));
            byte[] first = File.ReadAllBytes(Output);
            Assert.Equal(HelpBuilderApp.Success, Run(Docs, Output));
            Assert.Equal(first, File.ReadAllBytes(Output));
        }
    }
}
