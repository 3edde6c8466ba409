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
            // Plain tagged strings out of the engine: what Get-Help says, and what the cmdlet really has.
            PsResult result = shell.Invoke(@"
                $h = Get-Help -Name $args[0] -Full
                'SYNOPSIS=' + [string]$h.Synopsis
                'DESCRIPTION=' + (($h.Description | ForEach-Object { $_.Text }) -join ' ')
                'EXAMPLES=' + @($h.examples.example).Count
                foreach ($p in @($h.parameters.parameter)) { 'PARAMETER=' + $p.name + '=' + (($p.description | ForEach-Object { $_.Text }) -join ' ') }
                foreach ($name in (Get-Command $args[0]).Parameters.Keys) { 'ACTUAL=' + $name }", cmdlet).AssertNoErrors();
            var lines = result.Output.Select(o => o.ToString()).ToList();
            string Value(string tag) => lines.Single(l => l.StartsWith(tag + "=", StringComparison.Ordinal)).Substring(tag.Length + 1);

            string synopsis = Value("SYNOPSIS");
            Assert.False(string.IsNullOrWhiteSpace(synopsis), "no synopsis");
            Assert.False(synopsis.TrimStart().StartsWith(cmdlet, StringComparison.OrdinalIgnoreCase), "synopsis is only the generated syntax: the MAML was not found");
            Assert.False(string.IsNullOrWhiteSpace(Value("DESCRIPTION")), "no description");
            Assert.True(int.Parse(Value("EXAMPLES"), System.Globalization.CultureInfo.InvariantCulture) >= 1, "no example");

            var described = lines.Where(l => l.StartsWith("PARAMETER=", StringComparison.Ordinal))
                .Select(l => l.Substring("PARAMETER=".Length).Split('=', 2))
                .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.OrdinalIgnoreCase);
            var actual = lines.Where(l => l.StartsWith("ACTUAL=", StringComparison.Ordinal)).Select(l => l.Substring("ACTUAL=".Length)).ToList();
            foreach (string parameter in actual.Where(p => !CommonParameters.Contains(p)))
            {
                Assert.True(described.TryGetValue(parameter, out string? text) && !string.IsNullOrWhiteSpace(text), $"-{parameter} of {cmdlet} has no description in help");
            }
            foreach (string documented in described.Keys)
            {
                Assert.True(actual.Contains(documented, StringComparer.OrdinalIgnoreCase), $"help of {cmdlet} documents -{documented}, which the cmdlet does not have");
            }
        }

        [Theory]
        [InlineData("about_ExtraHop")]
        [InlineData("about_ExtraHop_Connections")]
        [InlineData("about_ExtraHop_FirmwareUpgrade")]
        [InlineData("about_ExtraHop_DeploymentUpgrade")]
        [InlineData("about_ExtraHop_Users")]
        public void AboutTopicsAreFound(string topic)
        {
            PsResult result = shell.Invoke("Get-Help -Name $args[0]", topic).AssertNoErrors();
            Assert.Contains(topic, string.Join("\n", result.Output.Select(o => o.ToString())), StringComparison.OrdinalIgnoreCase);
            Assert.True(System.IO.File.Exists(RepoPaths.Combine("en-US", topic + ".help.txt")));
        }
    }
}
