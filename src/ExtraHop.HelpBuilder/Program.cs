using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ExtraHop.HelpBuilder
{
    internal static class Program
    {
        private static int Main(string[] args) => HelpBuilderApp.Run(args, Console.Out, Console.Error);
    }

    /// <summary>
    /// The command line: read every docs/*.md, refuse to write anything while one file has a problem, otherwise
    /// write one MAML file. Exit codes: 0 written, 1 problems in the markdown, 2 wrong usage or unreadable input.
    /// </summary>
    public static class HelpBuilderApp
    {
        public const int Success = 0;
        public const int InvalidHelp = 1;
        public const int UsageError = 2;

        private const string Usage =
            "Usage: dotnet ExtraHop.HelpBuilder.dll <docsDir> <outFile>\n" +
            "  Reads every <docsDir>/*.md (PlatyPS markdown, schema 2.0.0; one cmdlet per file) and writes\n" +
            "  <outFile> (MAML, e.g. en-US/ExtraHop.dll-Help.xml). Problems are printed as 'file(line): error ...'\n" +
            "  and nothing is written. Files named about_*.md are skipped: about topics live in en-US/ as text.";

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            if (args.Length == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-?"))
            {
                stdout.WriteLine(Usage);
                return Success;
            }

            if (args.Length != 2)
            {
                stderr.WriteLine(Usage);
                return UsageError;
            }

            string docsDir = args[0];
            string outFile = args[1];
            if (!Directory.Exists(docsDir))
            {
                stderr.WriteLine($"error EHHELP: the docs folder '{docsDir}' does not exist");
                return UsageError;
            }

            List<string> files = Directory.GetFiles(docsDir, "*.md")
                .Where(f => !Path.GetFileName(f).StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                stderr.WriteLine($"error EHHELP: no cmdlet help (*.md) in '{docsDir}'");
                return InvalidHelp;
            }

            var commands = new List<CommandHelp>();
            var problems = new List<HelpDiagnostic>();
            foreach (string file in files)
            {
                ParseResult result;
                try
                {
                    result = MarkdownHelpParser.ParseFile(file);
                }
                catch (IOException ex)
                {
                    stderr.WriteLine($"{file}: error EHHELP: cannot read the file: {ex.Message}");
                    return UsageError;
                }

                problems.AddRange(result.Diagnostics);
                if (result.Command != null)
                {
                    commands.Add(result.Command);
                }
            }

            problems.AddRange(CheckAcrossFiles(commands));
            if (problems.Count > 0)
            {
                foreach (HelpDiagnostic problem in problems)
                {
                    stderr.WriteLine(problem.ToString());
                }

                int badFiles = problems.Select(p => p.File).Distinct().Count();
                stderr.WriteLine($"{problems.Count} problem(s) in {badFiles} file(s); '{outFile}' was not written.");
                return InvalidHelp;
            }

            try
            {
                MamlWriter.WriteFile(commands, outFile);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                stderr.WriteLine($"error EHHELP: cannot write '{outFile}': {ex.Message}");
                return UsageError;
            }

            stdout.WriteLine($"Wrote {outFile}: help for {commands.Count} cmdlet(s) from {docsDir}.");
            return Success;
        }

        /// <summary>All files must name the same help file (PlatyPS groups by it) and no cmdlet may be documented twice.</summary>
        private static IEnumerable<HelpDiagnostic> CheckAcrossFiles(List<CommandHelp> commands)
        {
            var seen = new Dictionary<string, CommandHelp>(StringComparer.OrdinalIgnoreCase);
            string? helpFile = null;
            CommandHelp? first = null;
            foreach (CommandHelp command in commands)
            {
                if (seen.TryGetValue(command.Name, out CommandHelp? other))
                {
                    yield return new HelpDiagnostic(command.SourceFile, 1, $"{command.Name} is also documented in {other.SourceFile}");
                }
                else
                {
                    seen[command.Name] = command;
                }

                if (!command.Metadata.TryGetValue("external help file", out string? value) || value.Length == 0)
                {
                    yield return new HelpDiagnostic(command.SourceFile, 1, "the front matter has no 'external help file:' (e.g. ExtraHop.dll-Help.xml)");
                    continue;
                }

                if (helpFile == null)
                {
                    helpFile = value;
                    first = command;
                }
                else if (!string.Equals(helpFile, value, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new HelpDiagnostic(command.SourceFile, 1, $"'external help file: {value}' differs from '{helpFile}' in {first!.SourceFile}");
                }
            }
        }
    }
}
