using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using ExtraHop.Tests.Help;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Module
{
    /// <summary>
    /// Pester is not installed here, so its suite cannot run; what can drift unseen is the error ids it expects.
    /// Pester 5 compares `Should -Throw -ErrorId` (and `.FullyQualifiedErrorId | Should -BeLike`) with -like
    /// against the whole FullyQualifiedErrorId, which PowerShell forms as "ErrorId,Full.Type.Name.Of.TheCmdlet".
    /// Each id the suite expects must be a pattern that matches exactly one id the module can raise from the
    /// cmdlet the test calls: one of its ErrorIds, a comma, and that cmdlet's implementing type.
    /// </summary>
    [Collection(HelpEngineCollection.Name)]
    public sealed class PesterErrorIdTests
    {
        private readonly HelpEngine engine;

        public PesterErrorIdTests(HelpEngine engine)
        {
            this.engine = engine;
        }

        [Fact]
        public void EveryErrorIdThePesterSuiteExpectsIsOneTheModuleRaises()
        {
            List<ExpectedErrorId> expected = Directory.GetFiles(RepoPaths.Combine("tests", "pester"), "*.Tests.ps1")
                .SelectMany(ExpectedErrorId.Read)
                .ToList();
            Assert.True(expected.Count >= 10, "found too few expected error ids in tests/pester: " + expected.Count);

            List<string> errorIds = ModuleErrorIds();
            var problems = new List<string>();
            foreach (ExpectedErrorId id in expected)
            {
                if (id.Cmdlets.Count == 0)
                {
                    problems.Add($"{id.Where}: '{id.Pattern}' is expected, but no cmdlet of the module is called there");
                    continue;
                }

                var pattern = new WildcardPattern(id.Pattern, WildcardOptions.IgnoreCase);
                foreach (string cmdlet in id.Cmdlets)
                {
                    string type = engine.Cmdlet(cmdlet).ImplementingType.FullName!;
                    List<string> matched = errorIds.Where(e => pattern.IsMatch(e + "," + type)).ToList();
                    if (matched.Count != 1)
                    {
                        problems.Add($"{id.Where}: '{id.Pattern}' matches {(matched.Count == 0 ? "no" : string.Join(" and ", matched))} id that {cmdlet} raises (they look like '{errorIds[0]},{type}')");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void TheCheckRefusesTheBareErrorIdPester5DoesNotMatch()
        {
            var bare = new WildcardPattern("ExtraHop.NotFound", WildcardOptions.IgnoreCase);
            var full = new WildcardPattern("ExtraHop.NotFound,*", WildcardOptions.IgnoreCase);
            string raised = "ExtraHop.NotFound," + engine.Cmdlet("Get-EHUser").ImplementingType.FullName;

            Assert.False(bare.IsMatch(raised));
            Assert.True(full.IsMatch(raised));
            Assert.Contains("ExtraHop.NotFound", ModuleErrorIds());
        }

        /// <summary>The constants of the module's ErrorIds class, read from the assembly the engine imported.</summary>
        private List<string> ModuleErrorIds()
        {
            Type errorIds = engine.Cmdlet("Get-EHUser").ImplementingType.Assembly.GetType("ExtraHop.Base.ErrorIds", throwOnError: true)!;
            return errorIds.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToList();
        }

        /// <summary>One error id a Pester test expects, and the module's cmdlets that can have raised it.</summary>
        private sealed class ExpectedErrorId
        {
            private ExpectedErrorId(string pattern, string where, IReadOnlyList<string> cmdlets)
            {
                Pattern = pattern;
                Where = where;
                Cmdlets = cmdlets;
            }

            public string Pattern { get; }

            public string Where { get; }

            public IReadOnlyList<string> Cmdlets { get; }

            /// <summary>
            /// `{ ... } | Should -Throw -ErrorId 'X'`: the cmdlets called in the script block.
            /// `$e.FullyQualifiedErrorId | Should -BeLike 'X'` (or -Be): the cmdlets called in the enclosing It block.
            /// </summary>
            public static IEnumerable<ExpectedErrorId> Read(string path)
            {
                ScriptBlockAst script = Parser.ParseFile(path, out _, out _);
                foreach (CommandAst should in script.FindAll(a => a is CommandAst c && c.GetCommandName() == "Should", true).Cast<CommandAst>())
                {
                    var pipeline = (PipelineAst)should.Parent;
                    Ast? subject = pipeline.PipelineElements.Count > 1 ? pipeline.PipelineElements[0] : null;
                    string? pattern = ArgumentOf(should, "ErrorId");
                    Ast? scope = (subject as CommandExpressionAst)?.Expression as ScriptBlockExpressionAst;
                    if (pattern == null && subject?.Extent.Text.EndsWith(".FullyQualifiedErrorId", StringComparison.OrdinalIgnoreCase) == true)
                    {
                        pattern = ArgumentOf(should, "BeLike") ?? ArgumentOf(should, "Be");
                        scope = EnclosingIt(should);
                    }

                    if (pattern != null)
                    {
                        string where = $"{Path.GetFileName(path)}:{should.Extent.StartLineNumber}";
                        yield return new ExpectedErrorId(pattern, where, scope == null ? Array.Empty<string>() : ModuleCmdletsIn(scope));
                    }
                }
            }

            private static string? ArgumentOf(CommandAst command, string parameter)
            {
                for (int i = 0; i < command.CommandElements.Count - 1; i++)
                {
                    if (command.CommandElements[i] is CommandParameterAst p && string.Equals(p.ParameterName, parameter, StringComparison.OrdinalIgnoreCase))
                    {
                        return (command.CommandElements[i + 1] as StringConstantExpressionAst)?.Value;
                    }
                }

                return null;
            }

            private static Ast? EnclosingIt(Ast ast)
            {
                for (Ast? a = ast.Parent; a != null; a = a.Parent)
                {
                    if (a is CommandAst c && c.GetCommandName() == "It") return c;
                }

                return null;
            }

            private static List<string> ModuleCmdletsIn(Ast scope) =>
                scope.FindAll(a => a is CommandAst, true).Cast<CommandAst>()
                    .Select(c => c.GetCommandName())
                    .Where(n => n != null && HelpSources.Cmdlets.Contains(n, StringComparer.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToList()!;
        }
    }
}
