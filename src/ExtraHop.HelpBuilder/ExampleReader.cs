using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace ExtraHop.HelpBuilder
{
    /// <summary>Reads EXAMPLES: each "### Example N: ..." holds code and at least one sentence saying what it does.</summary>
    internal static class ExampleReader
    {
        public static void Read(HelpSection section, CommandHelp command, HelpDiagnostics diagnostics)
        {
            SectionRules.RejectText(section, diagnostics);
            if (section.Subsections.Count == 0)
            {
                diagnostics.Error(section.Line, "EXAMPLES has no example: add at least one '### Example 1: ...' with a ```powershell block and a sentence");
            }

            foreach (HelpSection sub in section.Subsections)
            {
                var example = new ExampleHelp(sub.Title, sub.Line);
                var code = new List<string>();
                foreach (Block block in sub.Blocks)
                {
                    if (block is CodeBlock fenced)
                    {
                        code.Add(HelpText.Code(fenced).Trim('\n'));
                    }
                    else
                    {
                        example.Remarks.AddRange(HelpText.Paragraphs(new[] { block }));
                    }
                }

                example.Code = string.Join("\n\n", code.Where(c => c.Trim().Length > 0));
                if (example.Code.Length == 0)
                {
                    diagnostics.Error(sub.Line, $"example '{sub.Title}' has no ```powershell code block");
                }

                if (example.Remarks.Count == 0)
                {
                    diagnostics.Error(sub.Line, $"example '{sub.Title}' has no text saying what it does");
                }

                command.Examples.Add(example);
            }
        }
    }
}
