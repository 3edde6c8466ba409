using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Module
{
    public sealed class ManifestTests : IDisposable
    {
        private readonly HostedPowerShell shell = new HostedPowerShell();

        public void Dispose() => shell.Dispose();

        [Fact]
        public void TestModuleManifestPasses()
        {
            PsResult result = shell.Invoke("Test-ModuleManifest -Path $args[0]", RepoPaths.Manifest).AssertNoErrors();
            var info = (PSModuleInfo)result.Output.Single().BaseObject;
            Assert.Equal("ExtraHop", info.Name);
            Assert.Contains(info.CompatiblePSEditions, e => e == "Desktop");
            Assert.Contains(info.CompatiblePSEditions, e => e == "Core");
            Assert.Equal(new Version(5, 1), info.PowerShellVersion);
        }

        [Fact]
        public void EveryExportedCmdletExistsAndEveryCmdletIsExported()
        {
            var exported = shell.Invoke("(Get-Module ExtraHop).ExportedCmdlets.Keys").Output.Select(o => o.ToString()).OrderBy(n => n).ToList();
            var declared = DeclaredCmdlets();
            Assert.Equal(declared, exported);
            var implemented = ModuleAssembly().GetTypes()
                .Select(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().SingleOrDefault())
                .Where(a => a != null).Select(a => a!.VerbName + "-" + a.NounName).OrderBy(n => n).ToList();
            Assert.Equal(implemented, declared);
        }

        [Fact]
        public void TheManifestHoldsTheOnlyVersionNumber()
        {
            string manifestVersion = Regex.Match(File.ReadAllText(RepoPaths.Manifest), "ModuleVersion\\s*=\\s*'([0-9.]+)'").Groups[1].Value;
            string dll = RepoPaths.Combine("bin", "ExtraHop.dll");
            Assert.Equal(manifestVersion, FileVersionInfo.GetVersionInfo(dll).ProductVersion!.Split('+')[0]);
            Assert.Equal(new Version(manifestVersion + ".0"), System.Reflection.AssemblyName.GetAssemblyName(dll).Version);
        }

        [Fact]
        public void NoJsonTypeIsInThePublicSurface()
        {
            foreach (var assembly in new[] { ModuleAssembly(), typeof(ExtraHop.Models.ExtraHopSession).Assembly })
            {
                foreach (Type type in assembly.GetExportedTypes())
                {
                    foreach (var member in type.GetMembers())
                    {
                        string signature = member.ToString() ?? string.Empty;
                        Assert.False(signature.Contains("System.Text.Json"), $"{type.FullName}.{member.Name} exposes System.Text.Json");
                    }
                }
            }
        }

        private System.Reflection.Assembly ModuleAssembly() =>
            (System.Reflection.Assembly)shell.Invoke("(Get-Module ExtraHop).ImplementingAssembly").Output.Single().BaseObject;

        internal static System.Collections.Generic.List<string> DeclaredCmdlets()
        {
            string text = File.ReadAllText(RepoPaths.Manifest);
            string block = Regex.Match(text, @"CmdletsToExport\s*=\s*@\((.*?)\)", RegexOptions.Singleline).Groups[1].Value;
            return Regex.Matches(block, "'([A-Za-z]+-[A-Za-z0-9]+)'").Select(m => m.Groups[1].Value).OrderBy(n => n).ToList();
        }
    }
}
