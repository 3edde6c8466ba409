using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace ExtraHop.HelpBuilder
{
    /// <summary>
    /// Reads PARAMETERS: each "### -Name" holds its description, then one ```yaml block per group of parameter
    /// sets in which its facts are the same. "### CommonParameters" only says the cmdlet takes them.
    /// </summary>
    internal static class ParameterReader
    {
        public static void Read(HelpSection section, CommandHelp command, HelpDiagnostics diagnostics)
        {
            SectionRules.RejectText(section, diagnostics);
            foreach (HelpSection sub in section.Subsections)
            {
                if (sub.Title == "CommonParameters")
                {
                    continue;
                }

                if (!sub.Title.StartsWith("-", StringComparison.Ordinal) || sub.Title.Length < 2 || sub.Title.Contains(' '))
                {
                    diagnostics.Error(sub.Line, $"'### {sub.Title}' is neither '### -ParameterName' nor '### CommonParameters'");
                    continue;
                }

                var parameter = new ParameterHelp(sub.Title.Substring(1), sub.Line);
                if (command.Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    diagnostics.Error(sub.Line, $"parameter -{parameter.Name} is described twice");
                }

                foreach (Block block in sub.Blocks)
                {
                    if (block is FencedCodeBlock fence && string.Equals(fence.Info, "yaml", StringComparison.OrdinalIgnoreCase))
                    {
                        ParameterUsage? usage = ParameterYaml.Read(fence, parameter.Name, diagnostics);
                        if (usage != null)
                        {
                            parameter.Usages.Add(usage);
                        }
                    }
                    else if (parameter.Usages.Count > 0)
                    {
                        diagnostics.Error(block.Line + 1, $"text after the yaml block of -{parameter.Name}: put the description before it");
                    }
                    else
                    {
                        parameter.Description.AddRange(HelpText.Paragraphs(new[] { block }));
                    }
                }

                if (parameter.Description.Count == 0)
                {
                    diagnostics.Error(sub.Line, $"parameter -{parameter.Name} has no description");
                }

                if (parameter.Usages.Count == 0)
                {
                    diagnostics.Error(sub.Line, $"parameter -{parameter.Name} has no ```yaml block (Type, Parameter Sets, Required, Position, ...)");
                }

                CheckUsagesDoNotOverlap(parameter, diagnostics);
                command.Parameters.Add(parameter);
            }
        }

        private static void CheckUsagesDoNotOverlap(ParameterHelp parameter, HelpDiagnostics diagnostics)
        {
            if (parameter.Usages.Count < 2)
            {
                return;
            }

            var claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (ParameterUsage usage in parameter.Usages)
            {
                foreach (string set in usage.ParameterSets)
                {
                    if (set == ParameterUsage.AllSets || !claimed.Add(set))
                    {
                        diagnostics.Error(usage.Line, $"-{parameter.Name} has several yaml blocks that cover set '{set}': give each set one block");
                    }
                }
            }
        }
    }
}
