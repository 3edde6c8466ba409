using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Module
{
    /// <summary>
    /// The PowerShell files this machine cannot run as users do (Pester is not installed, pwsh is absent) must at
    /// least parse: the Pester suite, build.ps1 and the demo.
    /// </summary>
    public sealed class ScriptParseTests
    {
        public static IEnumerable<object[]> Scripts() =>
            Directory.GetFiles(RepoPaths.Combine("tests", "pester"), "*.ps*1")
                .Append(RepoPaths.Combine("build.ps1"))
                .Append(RepoPaths.Combine("demo", "Demo.ps1"))
                .Select(path => new object[] { Path.GetRelativePath(RepoPaths.Root, path) });

        [Theory]
        [MemberData(nameof(Scripts))]
        public void ParsesWithoutErrors(string script)
        {
            Parser.ParseFile(RepoPaths.Combine(script), out _, out ParseError[] errors);
            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
        }

        [Fact]
        public void ThePesterSuiteCoversEveryArea()
        {
            var files = Directory.GetFiles(RepoPaths.Combine("tests", "pester"), "*.Tests.ps1").Select(Path.GetFileName).ToList();
            Assert.Contains("Connect.Tests.ps1", files);
            Assert.Contains("Firmware.Tests.ps1", files);
            Assert.Contains("Deployment.Tests.ps1", files);
            Assert.Contains("Accounts.Tests.ps1", files);
        }
    }
}
