using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Module
{
    /// <summary>Get-Help, in the hosted engine, for every exported cmdlet: what users type when they are stuck.</summary>
    public sealed class HelpTests : IDisposable
    {
        private static readonly HashSet<string> CommonParameters = new HashSet<string>(
            System.Management.Automation.Cmdlet.CommonParameters.Concat(System.Management.Automation.Cmdlet.OptionalCommonParameters),
            StringComparer.OrdinalIgnoreCase);

        private readonly HostedPowerShell shell = new HostedPowerShell();

        public void Dispose() => shell.Dispose();

        public static IEnumerable<object[]> Cmdlets() => ManifestTests.DeclaredCmdlets().Select(name => new object[] { name });

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void HelpHasSynopsisDescriptionEveryParameterAndAnExample(string cmdlet)
        {
            PsResult result = shell.Invoke(@"
                $h = Get-Help -Name $args[0] -Full
                [pscustomobject]@{
                    Synopsis = [string]$h.Synopsis
                    Description = ($h.Description | ForEach-Object { $_.Text }) -join ' '
                    Parameters = @($h.parameters.parameter | ForEach-Object { [pscustomobject]@{ Name = $_.name; Text = ($_.description | ForEach-Object { $_.Text }) -join ' ' } })
                    Examples = @($h.examples.example).Count
                    Actual = @((Get-Command $args[0]).Parameters.Keys)
                }", cmdlet).AssertNoErrors();
            dynamic help = result.Output.Single();

            string synopsis = help.Synopsis;
            Assert.False(string.IsNullOrWhiteSpace(synopsis), "no synopsis");
            Assert.False(synopsis.TrimStart().StartsWith(cmdlet, StringComparison.OrdinalIgnoreCase), "synopsis is only the generated syntax: the MAML was not found");
            Assert.False(string.IsNullOrWhiteSpace((string)help.Description), "no description");
            Assert.True((int)help.Examples >= 1, "no example");

            var described = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (dynamic p in (object[])help.Parameters) described[(string)p.Name] = (string)p.Text;
            foreach (object name in (object[])help.Actual)
            {
                string parameter = name.ToString()!;
                if (CommonParameters.Contains(parameter)) continue;
                Assert.True(described.TryGetValue(parameter, out string? text) && !string.IsNullOrWhiteSpace(text), $"-{parameter} of {cmdlet} has no description in help");
            }
            foreach (string documented in described.Keys)
            {
                Assert.Contains(documented, ((object[])help.Actual).Select(o => o.ToString()), StringComparer.OrdinalIgnoreCase);
            }
        }

        [Theory]
        [InlineData("about_ExtraHop")]
        [InlineData("about_ExtraHop_Connections")]
        public void AboutTopicsAreFound(string topic)
        {
            PsResult result = shell.Invoke("Get-Help -Name $args[0] | Out-Null; (Get-Help -Name $args[0]).ToString()", topic);
            Assert.Empty(result.AllErrors);
            Assert.True(System.IO.File.Exists(RepoPaths.Combine("en-US", topic + ".help.txt")));
        }
    }
}
