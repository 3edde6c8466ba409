using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Module
{
    /// <summary>
    /// Windows PowerShell 5.1 has no System.Text.Json: everything the module's assemblies reference beyond the
    /// .NET Framework itself must be shipped in bin/dependencies, where ModuleInitializer resolves it. This walks
    /// the references from ExtraHop.dll down and fails on any that the module does not carry.
    /// </summary>
    public sealed class DependencyLayoutTests
    {
        // What .NET Framework 4.7.2 (with the netstandard 2.0 facades it ships) and PowerShell provide themselves.
        private static readonly HashSet<string> InTheBox = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "netstandard", "mscorlib", "System", "System.Core", "System.Management.Automation", "System.Net.Http",
            "System.Numerics", "System.Runtime.Serialization", "System.Xml", "System.Data", "System.Drawing",
        };

        [Fact]
        public void EveryAssemblyTheModuleNeedsIsShippedWithIt()
        {
            string bin = RepoPaths.Combine("bin");
            string dependencies = Path.Combine(bin, "dependencies");
            var missing = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Queue<string>(new[] { Path.Combine(bin, "ExtraHop.dll") });
            while (pending.Count > 0)
            {
                string file = pending.Dequeue();
                foreach (string reference in References(file))
                {
                    if (InTheBox.Contains(reference) || !seen.Add(reference)) continue;
                    string? shipped = new[] { Path.Combine(bin, reference + ".dll"), Path.Combine(dependencies, reference + ".dll") }.FirstOrDefault(File.Exists);
                    if (shipped == null) missing.Add($"{reference} (needed by {Path.GetFileName(file)})");
                    else pending.Enqueue(shipped);
                }
            }

            Assert.Contains("System.Text.Json", seen);
            Assert.True(missing.Count == 0, "Not shipped with the module: " + string.Join(", ", missing));
            Assert.False(File.Exists(Path.Combine(bin, "System.Text.Json.dll")), "third-party assemblies belong in bin/dependencies, not next to the module");
            Assert.False(File.Exists(Path.Combine(dependencies, "System.Management.Automation.dll")), "the host brings System.Management.Automation");
        }

        private static IEnumerable<string> References(string file)
        {
            using var stream = File.OpenRead(file);
            using var reader = new PEReader(stream);
            MetadataReader metadata = reader.GetMetadataReader();
            return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
        }
    }
}
