using System;
using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.HelpBuilder
{
    /// <summary>The syntax lines and the parameters' yaml must tell the same story about which parameter is in which set.</summary>
    internal static class SyntaxConsistency
    {
        public static void Check(CommandHelp command, HelpDiagnostics diagnostics)
        {
            var setNames = new HashSet<string>(command.SyntaxSets.Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
            foreach (ParameterHelp parameter in command.Parameters)
            {
                foreach (ParameterUsage usage in parameter.Usages)
                {
                    foreach (string set in usage.ParameterSets.Where(s => s != ParameterUsage.AllSets && !setNames.Contains(s)))
                    {
                        diagnostics.Error(usage.Line, $"-{parameter.Name} names parameter set '{set}', which SYNTAX does not list");
                    }
                }
            }

            foreach (SyntaxSet set in command.SyntaxSets)
            {
                CheckSet(command, set, diagnostics);
            }
        }

        private static void CheckSet(CommandHelp command, SyntaxSet set, HelpDiagnostics diagnostics)
        {
            var positions = new Dictionary<string, string>();
            foreach (string name in set.ParameterNames)
            {
                ParameterHelp? parameter = command.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (parameter == null)
                {
                    diagnostics.Error(set.Line, $"the syntax of set '{set.Name}' names -{name}, which PARAMETERS does not describe");
                    continue;
                }

                ParameterUsage? usage = parameter.UsageFor(set.Name);
                if (usage == null)
                {
                    if (parameter.Usages.Count > 0)
                    {
                        diagnostics.Error(set.Line, $"the syntax of set '{set.Name}' names -{name}, but its yaml does not list that set");
                    }

                    continue;
                }

                if (usage.Position == "Named")
                {
                    continue;
                }

                if (positions.TryGetValue(usage.Position, out string? other))
                {
                    diagnostics.Error(usage.Line, $"-{name} and -{other} both take position {usage.Position} in set '{set.Name}'");
                }
                else
                {
                    positions[usage.Position] = name;
                }
            }

            foreach (ParameterHelp parameter in command.Parameters)
            {
                if (parameter.UsageFor(set.Name) != null && !set.ParameterNames.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
                {
                    diagnostics.Error(set.Line, $"-{parameter.Name} is in set '{set.Name}' by its yaml but missing from that set's syntax line");
                }
            }
        }
    }
}
