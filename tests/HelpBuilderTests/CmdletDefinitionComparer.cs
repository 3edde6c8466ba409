using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using ExtraHop.HelpBuilder;

namespace HelpBuilderTests
{
    /// <summary>
    /// Compares a cmdlet class with the help written for it: parameter sets, parameters, types, aliases,
    /// wildcards, accepted values and, per set, required/position/pipeline input; numeric defaults; output
    /// types. Works on any cmdlet class, so it can check the real module's cmdlets as well as the stubs.
    /// </summary>
    public static class CmdletDefinitionComparer
    {
        private const string AllSets = ParameterAttribute.AllParameterSets;

        public static string CmdletName(Type cmdletType)
        {
            CmdletAttribute attribute = cmdletType.GetCustomAttribute<CmdletAttribute>()
                ?? throw new ArgumentException(cmdletType + " has no [Cmdlet] attribute");
            return attribute.VerbName + "-" + attribute.NounName;
        }

        public static List<string> Compare(Type cmdletType, CommandHelp doc)
        {
            var problems = new List<string>();
            CmdletAttribute cmdlet = cmdletType.GetCustomAttribute<CmdletAttribute>()!;
            List<ParameterFacts> parameters = ReadParameters(cmdletType, cmdlet);

            // Parameter sets, and which one is the default.
            var codeSets = parameters.SelectMany(p => p.Attributes.Select(a => a.ParameterSetName))
                .Where(s => s != AllSets).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(s => s, StringComparer.OrdinalIgnoreCase).ToList();
            // A default set that no parameter names explicitly still exists: it holds the parameters of every set.
            if (cmdlet.DefaultParameterSetName != null && !codeSets.Contains(cmdlet.DefaultParameterSetName, StringComparer.OrdinalIgnoreCase))
            {
                codeSets.Add(cmdlet.DefaultParameterSetName);
                codeSets.Sort(StringComparer.OrdinalIgnoreCase);
            }

            if (codeSets.Count == 0)
            {
                codeSets.Add("__AllParameterSets");
            }

            var docSets = doc.SyntaxSets.Select(s => s.Name).OrderBy(s => s, StringComparer.OrdinalIgnoreCase).ToList();
            if (!codeSets.SequenceEqual(docSets, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"parameter sets: code has [{string.Join(", ", codeSets)}], help has [{string.Join(", ", docSets)}]");
            }

            if (codeSets.Count > 1)
            {
                string? docDefault = doc.SyntaxSets.FirstOrDefault(s => s.IsDefault)?.Name;
                if (!string.Equals(docDefault, cmdlet.DefaultParameterSetName, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"default parameter set: code has '{cmdlet.DefaultParameterSetName}', help marks '{docDefault}'");
                }
            }

            // The same parameters on both sides.
            var codeNames = parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            var docNames = doc.Parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            foreach (string missing in codeNames.Except(docNames, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"-{missing} exists in code but the help does not describe it");
            }

            foreach (string extra in docNames.Except(codeNames, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"-{extra} is described in the help but the cmdlet has no such parameter");
            }

            object? instance = TryCreate(cmdletType);
            foreach (ParameterFacts code in parameters)
            {
                ParameterHelp? help = doc.Parameters.FirstOrDefault(p => string.Equals(p.Name, code.Name, StringComparison.OrdinalIgnoreCase));
                if (help != null)
                {
                    CompareParameter(code, help, doc, instance, problems);
                }
            }

            // Output types.
            var codeOutputs = cmdletType.GetCustomAttributes<OutputTypeAttribute>()
                .SelectMany(a => a.Type).Select(t => t.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            var docOutputs = doc.Outputs.Select(o => o.TypeName).Where(n => n != "None").Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (!codeOutputs.SequenceEqual(docOutputs))
            {
                problems.Add($"outputs: [OutputType] has [{string.Join(", ", codeOutputs)}], help OUTPUTS has [{string.Join(", ", docOutputs)}]");
            }

            return problems;
        }

        private static void CompareParameter(ParameterFacts code, ParameterHelp help, CommandHelp doc, object? instance, List<string> problems)
        {
            string name = "-" + code.Name;
            foreach (ParameterUsage usage in help.Usages)
            {
                if (usage.Type != code.TypeName)
                {
                    problems.Add($"{name}: type is {code.TypeName} in code, {usage.Type} in the help");
                }

                if (!usage.Aliases.OrderBy(a => a).SequenceEqual(code.Aliases.OrderBy(a => a), StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"{name}: aliases are [{string.Join(", ", code.Aliases)}] in code, [{string.Join(", ", usage.Aliases)}] in the help");
                }

                if (usage.AcceptsWildcards != code.Wildcards)
                {
                    problems.Add($"{name}: wildcards are {code.Wildcards} in code, {usage.AcceptsWildcards} in the help");
                }

                if (!usage.AcceptedValues.SequenceEqual(code.AcceptedValues, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"{name}: accepted values are [{string.Join(", ", code.AcceptedValues)}] in code, [{string.Join(", ", usage.AcceptedValues)}] in the help");
                }

                string? expectedDefault = ExpectedDefault(code, instance);
                if (expectedDefault != null && usage.DefaultValue != expectedDefault)
                {
                    problems.Add($"{name}: default is {expectedDefault} in code, '{usage.DefaultValue}' in the help");
                }
            }

            foreach (SyntaxSet set in doc.SyntaxSets)
            {
                ParameterAttribute? attribute = code.AttributeFor(set.Name);
                ParameterUsage? usage = help.UsageFor(set.Name);
                if (attribute == null || usage == null)
                {
                    if (attribute != null || usage != null)
                    {
                        problems.Add($"{name}: in set '{set.Name}' according to the {(attribute != null ? "code" : "help")} only");
                    }

                    continue;
                }

                if (attribute.Mandatory != usage.Required)
                {
                    problems.Add($"{name} in set '{set.Name}': Required is {attribute.Mandatory} in code, {usage.Required} in the help");
                }

                string position = attribute.Position == int.MinValue ? "Named" : attribute.Position.ToString(CultureInfo.InvariantCulture);
                if (position != usage.Position)
                {
                    problems.Add($"{name} in set '{set.Name}': Position is {position} in code, {usage.Position} in the help");
                }

                string pipeline = PipelineText(attribute);
                if (!string.Equals(pipeline, usage.PipelineInput, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{name} in set '{set.Name}': pipeline input is '{pipeline}' in code, '{usage.PipelineInput}' in the help");
                }
            }
        }

        private static string? ExpectedDefault(ParameterFacts code, object? instance)
        {
            if (code.Type == typeof(SwitchParameter))
            {
                return "False";
            }

            if (instance == null || code.Property == null)
            {
                return null;
            }

            object? value = code.Property.GetValue(instance);
            return value switch
            {
                int i when i != 0 => i.ToString(CultureInfo.InvariantCulture),
                double d when d != 0 => d.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        private static string PipelineText(ParameterAttribute a)
        {
            if (a.ValueFromPipeline && a.ValueFromPipelineByPropertyName)
            {
                return "True (ByValue, ByPropertyName)";
            }

            if (a.ValueFromPipeline)
            {
                return "True (ByValue)";
            }

            return a.ValueFromPipelineByPropertyName ? "True (ByPropertyName)" : "False";
        }

        private static List<ParameterFacts> ReadParameters(Type cmdletType, CmdletAttribute cmdlet)
        {
            var result = new List<ParameterFacts>();
            foreach (PropertyInfo property in cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = property.GetCustomAttributes<ParameterAttribute>().ToList();
                if (attributes.Count == 0)
                {
                    continue;
                }

                result.Add(new ParameterFacts(property.Name, property.PropertyType, property, attributes)
                {
                    Aliases = property.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).ToList(),
                    Wildcards = property.GetCustomAttribute<SupportsWildcardsAttribute>() != null,
                    AcceptedValues = property.GetCustomAttribute<ValidateSetAttribute>()?.ValidValues.ToList() ?? new List<string>(),
                });
            }

            // -WhatIf and -Confirm come with SupportsShouldProcess; PlatyPS documents them like any other parameter.
            if (cmdlet.SupportsShouldProcess)
            {
                var any = new List<ParameterAttribute> { new ParameterAttribute() };
                result.Add(new ParameterFacts("WhatIf", typeof(SwitchParameter), null, any) { Aliases = new List<string> { "wi" } });
                result.Add(new ParameterFacts("Confirm", typeof(SwitchParameter), null, any) { Aliases = new List<string> { "cf" } });
            }

            return result;
        }

        private static object? TryCreate(Type type)
        {
            try
            {
                return Activator.CreateInstance(type);
            }
            catch (MissingMethodException)
            {
                return null;
            }
        }

        /// <summary>PlatyPS writes short type names: String, String[], SwitchParameter, ExtraHopSession[].</summary>
        private static string ShortTypeName(Type type) =>
            type.IsArray ? ShortTypeName(type.GetElementType()!) + "[]" : type.Name;

        private sealed class ParameterFacts
        {
            public ParameterFacts(string name, Type type, PropertyInfo? property, List<ParameterAttribute> attributes)
            {
                Name = name;
                Type = type;
                Property = property;
                Attributes = attributes;
            }

            public string Name { get; }

            public Type Type { get; }

            public string TypeName => ShortTypeName(Type);

            public PropertyInfo? Property { get; }

            public List<ParameterAttribute> Attributes { get; }

            public List<string> Aliases { get; set; } = new List<string>();

            public bool Wildcards { get; set; }

            public List<string> AcceptedValues { get; set; } = new List<string>();

            public ParameterAttribute? AttributeFor(string setName) =>
                Attributes.FirstOrDefault(a => string.Equals(a.ParameterSetName, setName, StringComparison.OrdinalIgnoreCase))
                ?? Attributes.FirstOrDefault(a => a.ParameterSetName == AllSets);
        }
    }
}
