using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using ExtraHop.HelpBuilder;

namespace ExtraHop.Tests.Help
{
    /// <summary>
    /// Compares a cmdlet's help (docs/&lt;Cmdlet&gt;.md as the builder parsed it) with the cmdlet as the engine
    /// sees it: parameter sets and the default one, each parameter's type, aliases, wildcards and accepted
    /// values, per set whether it is required, its position and its pipeline input, the syntax lines, numeric and
    /// switch defaults, and the INPUTS and OUTPUTS types. Every difference is one line of the returned list.
    /// </summary>
    public static class DocsComparer
    {
        private const string AllSetsName = "__AllParameterSets";

        /// <summary>The common parameters every cmdlet has; -WhatIf and -Confirm are not among them, PlatyPS documents those.</summary>
        private static readonly HashSet<string> Common = new HashSet<string>(System.Management.Automation.Cmdlet.CommonParameters, StringComparer.OrdinalIgnoreCase);

        public static List<string> Compare(CmdletInfo cmdlet, CommandHelp doc)
        {
            var problems = new List<string>();
            List<CommandParameterSetInfo> sets = cmdlet.ParameterSets.ToList();

            CompareSets(sets, doc, problems);
            Dictionary<string, CommandParameterInfo> parameters = sets
                .SelectMany(s => s.Parameters)
                .Where(p => !Common.Contains(p.Name))
                .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

            foreach (string missing in parameters.Keys.Where(n => doc.Parameters.All(p => !Same(p.Name, n))))
            {
                problems.Add($"-{missing}: the cmdlet has it, the help does not describe it");
            }
            foreach (ParameterHelp extra in doc.Parameters.Where(p => !parameters.ContainsKey(p.Name)))
            {
                problems.Add($"-{extra.Name}: described in the help, but the cmdlet has no such parameter");
            }

            object? fresh = NewInstance(cmdlet.ImplementingType);
            try
            {
                foreach (ParameterHelp help in doc.Parameters.Where(p => parameters.ContainsKey(p.Name)))
                {
                    CompareParameter(parameters[help.Name], help, fresh, cmdlet.ImplementingType, problems);
                }
            }
            finally
            {
                (fresh as IDisposable)?.Dispose();
            }

            foreach (CommandParameterSetInfo set in sets)
            {
                CompareSet(set, doc, problems);
            }

            CompareTypes(cmdlet, parameters.Values, doc, problems);
            return problems;
        }

        private static void CompareSets(List<CommandParameterSetInfo> sets, CommandHelp doc, List<string> problems)
        {
            List<string> real = sets.Select(s => s.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            List<string> documented = doc.SyntaxSets.Select(s => s.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            if (!real.SequenceEqual(documented, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"parameter sets: the cmdlet has [{string.Join(", ", real)}], SYNTAX has [{string.Join(", ", documented)}]");
            }

            if (sets.Count > 1)
            {
                string? realDefault = sets.FirstOrDefault(s => s.IsDefault)?.Name;
                string? documentedDefault = doc.SyntaxSets.FirstOrDefault(s => s.IsDefault)?.Name;
                if (!Same(realDefault, documentedDefault))
                {
                    problems.Add($"default parameter set: the cmdlet's is '{realDefault}', SYNTAX marks '{documentedDefault}'");
                }
            }
        }

        private static void CompareParameter(CommandParameterInfo real, ParameterHelp help, object? fresh, Type cmdletType, List<string> problems)
        {
            string name = "-" + real.Name;
            string type = ShortName(real.ParameterType);
            var aliases = real.Aliases.OrderBy(a => a, StringComparer.OrdinalIgnoreCase).ToList();
            bool wildcards = real.Attributes.OfType<SupportsWildcardsAttribute>().Any();
            var accepted = real.Attributes.OfType<ValidateSetAttribute>().SelectMany(a => a.ValidValues).ToList();
            string? defaultValue = DefaultOf(real, fresh, cmdletType);

            foreach (ParameterUsage usage in help.Usages)
            {
                if (usage.Type != type) problems.Add($"{name}: type is {type}, the help says {usage.Type}");
                if (!usage.Aliases.OrderBy(a => a, StringComparer.OrdinalIgnoreCase).SequenceEqual(aliases, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"{name}: aliases are [{string.Join(", ", aliases)}], the help says [{string.Join(", ", usage.Aliases)}]");
                }
                if (usage.AcceptsWildcards != wildcards) problems.Add($"{name}: wildcards {(wildcards ? "are" : "are not")} accepted, the help says {usage.AcceptsWildcards}");
                if (!usage.AcceptedValues.SequenceEqual(accepted, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"{name}: accepted values are [{string.Join(", ", accepted)}], the help says [{string.Join(", ", usage.AcceptedValues)}]");
                }
                if (defaultValue != null && usage.DefaultValue != defaultValue) problems.Add($"{name}: default is {defaultValue}, the help says {usage.DefaultValue}");
            }
        }

        /// <summary>One real parameter set against the help's yaml for that set and its syntax line.</summary>
        private static void CompareSet(CommandParameterSetInfo set, CommandHelp doc, List<string> problems)
        {
            List<CommandParameterInfo> real = set.Parameters.Where(p => !Common.Contains(p.Name)).ToList();
            foreach (CommandParameterInfo parameter in real)
            {
                ParameterUsage? usage = doc.Parameters.FirstOrDefault(p => Same(p.Name, parameter.Name))?.UsageFor(set.Name);
                if (usage == null)
                {
                    if (doc.Parameters.Any(p => Same(p.Name, parameter.Name))) problems.Add($"-{parameter.Name} is in set '{set.Name}', its yaml does not say so");
                    continue;
                }

                string where = $"-{parameter.Name} in set '{set.Name}'";
                if (usage.Required != parameter.IsMandatory) problems.Add($"{where}: Required is {parameter.IsMandatory}, the help says {usage.Required}");
                string position = PositionOf(parameter);
                if (usage.Position != position) problems.Add($"{where}: Position is {position}, the help says {usage.Position}");
                string pipeline = PipelineOf(parameter);
                if (!Same(usage.PipelineInput, pipeline)) problems.Add($"{where}: pipeline input is '{pipeline}', the help says '{usage.PipelineInput}'");
            }

            foreach (ParameterHelp help in doc.Parameters.Where(p => p.UsageFor(set.Name) != null && real.All(r => !Same(r.Name, p.Name))))
            {
                problems.Add($"-{help.Name}: its yaml puts it in set '{set.Name}', the cmdlet does not");
            }

            SyntaxSet? syntax = doc.SyntaxSets.FirstOrDefault(s => Same(s.Name, set.Name));
            if (syntax != null) CompareSyntax(real, syntax, problems);
        }

        /// <summary>
        /// The syntax line shows each parameter of the set the way PlatyPS writes it: "-Name &lt;Type&gt;" when
        /// required, in brackets when optional, "[-Name]" for the name of a positional parameter, no value for a switch.
        /// </summary>
        private static void CompareSyntax(List<CommandParameterInfo> real, SyntaxSet syntax, List<string> problems)
        {
            Dictionary<string, SyntaxItem> shown = SyntaxItem.Read(syntax.Text).ToDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);
            string where = $"syntax of set '{syntax.Name}'";
            foreach (CommandParameterInfo parameter in real)
            {
                if (!shown.TryGetValue(parameter.Name, out SyntaxItem? item))
                {
                    problems.Add($"{where}: -{parameter.Name} is missing");
                    continue;
                }

                bool positional = parameter.Position != int.MinValue;
                string? value = IsSwitch(parameter) ? null : "<" + ShortName(parameter.ParameterType) + ">";
                if (item.Required != parameter.IsMandatory) problems.Add($"{where}: -{parameter.Name} is {(parameter.IsMandatory ? "required" : "optional")}, the line shows it {(item.Required ? "required" : "optional")} ({item.Text})");
                if (item.Positional != positional) problems.Add($"{where}: -{parameter.Name} is {(positional ? string.Empty : "not ")}positional, the line shows it {(item.Positional ? string.Empty : "not ")}positional ({item.Text})");
                if (item.Value != value) problems.Add($"{where}: -{parameter.Name} takes {value ?? "no value"}, the line shows {item.Value ?? "no value"} ({item.Text})");
            }

            foreach (string extra in shown.Keys.Where(n => real.All(r => !Same(r.Name, n))))
            {
                problems.Add($"{where}: shows -{extra}, which is not in that set");
            }
        }

        /// <summary>OUTPUTS names the [OutputType] types (full names; "None" besides them is allowed); INPUTS names what the pipeline binds.</summary>
        private static void CompareTypes(CmdletInfo cmdlet, IEnumerable<CommandParameterInfo> parameters, CommandHelp doc, List<string> problems)
        {
            List<string> outputs = cmdlet.OutputType.Select(t => t.Name).Where(n => n != typeof(void).FullName).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            List<string> documentedOutputs = doc.Outputs.Select(o => o.TypeName).Where(n => n != "None").Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (!outputs.SequenceEqual(documentedOutputs))
            {
                problems.Add($"OUTPUTS: the cmdlet declares [{string.Join(", ", outputs)}], the help names [{string.Join(", ", documentedOutputs)}]");
            }

            List<CommandParameterInfo> piped = parameters.Where(p => p.ValueFromPipeline || p.ValueFromPipelineByPropertyName).ToList();
            var bindable = new HashSet<string>(piped.SelectMany(p => TypeNames(p.ParameterType)), StringComparer.Ordinal);
            foreach (TypeHelp input in doc.Inputs)
            {
                bool fits = input.TypeName == "None" ? piped.Count == 0 : bindable.Contains(input.TypeName);
                if (!fits) problems.Add($"INPUTS: {input.TypeName} is no type a parameter takes from the pipeline");
            }
            foreach (CommandParameterInfo byValue in piped.Where(p => p.ValueFromPipeline))
            {
                if (!doc.Inputs.Any(i => TypeNames(byValue.ParameterType).Contains(i.TypeName)))
                {
                    problems.Add($"INPUTS: -{byValue.Name} takes {ElementType(byValue.ParameterType).FullName} objects from the pipeline, INPUTS does not name that type");
                }
            }
            if (piped.Count == 0 && doc.Inputs.All(i => i.TypeName != "None")) problems.Add("INPUTS: nothing binds from the pipeline, so INPUTS should say None");
        }

        private static string? DefaultOf(CommandParameterInfo parameter, object? fresh, Type cmdletType)
        {
            if (IsSwitch(parameter)) return "False";
            PropertyInfo? property = fresh == null ? null : cmdletType.GetProperty(parameter.Name, BindingFlags.Public | BindingFlags.Instance);
            object? value = property?.GetValue(fresh);
            return value switch
            {
                int i when i != 0 => i.ToString(CultureInfo.InvariantCulture),
                double d when d != 0 => d.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        private static bool IsSwitch(CommandParameterInfo parameter) => parameter.ParameterType == typeof(SwitchParameter);

        private static object? NewInstance(Type type) =>
            type.GetConstructor(Type.EmptyTypes) == null ? null : Activator.CreateInstance(type);

        private static string PositionOf(CommandParameterInfo parameter) =>
            parameter.Position == int.MinValue ? "Named" : parameter.Position.ToString(CultureInfo.InvariantCulture);

        private static string PipelineOf(CommandParameterInfo parameter)
        {
            if (parameter.ValueFromPipeline && parameter.ValueFromPipelineByPropertyName) return "True (ByValue, ByPropertyName)";
            if (parameter.ValueFromPipeline) return "True (ByValue)";
            return parameter.ValueFromPipelineByPropertyName ? "True (ByPropertyName)" : "False";
        }

        /// <summary>PlatyPS's short type names: String, String[], SwitchParameter, ExtraHopSession[].</summary>
        public static string ShortName(Type type) => type.IsArray ? ShortName(type.GetElementType()!) + "[]" : type.Name;

        private static Type ElementType(Type type) => type.IsArray ? type.GetElementType()! : type;

        /// <summary>The names INPUTS may use for what a parameter binds: its element type, or the array type.</summary>
        private static string[] TypeNames(Type type) => new[] { ElementType(type).FullName!, type.FullName! };

        private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>One parameter as a PlatyPS syntax line shows it.</summary>
        private sealed class SyntaxItem
        {
            private SyntaxItem(string name, bool required, bool positional, string? value, string text)
            {
                Name = name;
                Required = required;
                Positional = positional;
                Value = value;
                Text = text;
            }

            public string Name { get; }
            public bool Required { get; }
            public bool Positional { get; }
            /// <summary>"&lt;Type&gt;", or null for a switch.</summary>
            public string? Value { get; }
            public string Text { get; }

            /// <summary>
            /// Splits "Cmd [[-A] &lt;T&gt;] -B &lt;T&gt; [-C] [-D &lt;T&gt;] [-E] &lt;T&gt; [&lt;CommonParameters&gt;]" into its
            /// top-level pieces; "[-E] &lt;T&gt;" (a required positional parameter) is two pieces that belong together.
            /// </summary>
            public static IEnumerable<SyntaxItem> Read(string line)
            {
                List<string> pieces = TopLevelPieces(line).Skip(1).ToList();
                for (int i = 0; i < pieces.Count; i++)
                {
                    string piece = pieces[i];
                    if (piece == "[<CommonParameters>]") continue;
                    bool bracketed = piece.StartsWith("[", StringComparison.Ordinal) && piece.EndsWith("]", StringComparison.Ordinal);
                    string inner = bracketed ? piece.Substring(1, piece.Length - 2).Trim() : piece;
                    string? next = i + 1 < pieces.Count ? pieces[i + 1] : null;
                    if (bracketed && IsName(inner) && next != null && next.StartsWith("<", StringComparison.Ordinal))
                    {
                        // "[-E] <T>": required, positional.
                        i++;
                        yield return new SyntaxItem(inner.Substring(1), true, true, next, piece + " " + next);
                        continue;
                    }

                    if (!bracketed)
                    {
                        // "-B <T>" or a required switch "-B".
                        if (next != null && next.StartsWith("<", StringComparison.Ordinal))
                        {
                            i++;
                            yield return new SyntaxItem(piece.Substring(1), true, false, next, piece + " " + next);
                        }
                        else
                        {
                            yield return new SyntaxItem(piece.Substring(1), true, false, null, piece);
                        }
                        continue;
                    }

                    // Optional: "[-C]", "[-D <T>]" or "[[-A] <T>]".
                    List<string> parts = TopLevelPieces(inner).ToList();
                    bool positional = parts[0].StartsWith("[", StringComparison.Ordinal);
                    string name = positional ? parts[0].Trim('[', ']') : parts[0];
                    yield return new SyntaxItem(name.Substring(1), false, positional, parts.Count > 1 ? parts[1] : null, piece);
                }
            }

            private static bool IsName(string text) => text.StartsWith("-", StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal);

            /// <summary>Space-separated pieces, keeping bracketed groups ([...] and &lt;...&gt;) whole.</summary>
            private static IEnumerable<string> TopLevelPieces(string text)
            {
                int depth = 0;
                int start = -1;
                for (int i = 0; i <= text.Length; i++)
                {
                    char c = i < text.Length ? text[i] : ' ';
                    if (c == '[' || c == '<') depth++;
                    if (c == ']' || c == '>') depth--;
                    if (c == ' ' && depth == 0)
                    {
                        if (start >= 0) yield return text.Substring(start, i - start);
                        start = -1;
                    }
                    else if (start < 0)
                    {
                        start = i;
                    }
                }
            }
        }
    }
}
