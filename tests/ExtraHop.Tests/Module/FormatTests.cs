using System;
using System.Linq;
using System.Xml.Linq;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Module
{
    public sealed class FormatTests : IDisposable
    {
        private readonly HostedPowerShell shell = new HostedPowerShell();

        public void Dispose() => shell.Dispose();

        /// <summary>Every type a cmdlet declares as output has a default view, and every view names a real type.</summary>
        [Fact]
        public void EveryOutputTypeHasAViewAndEveryViewARealType()
        {
            var viewed = XDocument.Load(RepoPaths.Combine("bin", "ExtraHop.Format.ps1xml")).Descendants("TypeName").Select(t => t.Value).ToHashSet();
            var declared = shell.Invoke("Get-Command -Module ExtraHop | ForEach-Object { $_.OutputType } | ForEach-Object { $_.Name }").AssertNoErrors()
                .Output.Select(o => o.ToString()!).Where(n => n.StartsWith("ExtraHop.", StringComparison.Ordinal)).ToHashSet();
            Assert.NotEmpty(declared);
            Assert.Empty(declared.Except(viewed));
            Assert.All(viewed, name => Assert.NotNull(typeof(ExtraHop.Models.ExtraHopSession).Assembly.GetType(name)));
        }

        /// <summary>The views render in the engine without errors (a typo in a script block only shows up here).</summary>
        [Fact]
        public void ViewsRenderWithoutErrors()
        {
            PsResult result = shell.Invoke(@"
                $plan = [Activator]::CreateInstance([ExtraHop.Models.UpgradePlan], $true)
                $result = [Activator]::CreateInstance([ExtraHop.Models.FirmwareUpgradeResult], $true)
                $upload = [Activator]::CreateInstance([ExtraHop.Models.FirmwareUpload], $true)
                $plan, $result, $upload | Out-Host");
            result.AssertNoErrors();
            Assert.Contains(shell.Host.TestUI.Written, line => line.Contains("TargetVersion"));
        }
    }
}
