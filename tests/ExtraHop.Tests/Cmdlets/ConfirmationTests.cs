using System;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// A confirmation the host cannot ask (pwsh -NonInteractive, a scheduled task): the test host, with no answer
    /// queued, fails the prompt as such a host does. The error must say how to confirm ahead, and nothing changes.
    /// </summary>
    public sealed class ConfirmationTests : SimulatorTest
    {
        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.SetVariable("img", Temp.Image("9.9.2.1234"));
            Sim.ResetStatistics();
        }

        [Fact]
        public void AnUpgradeThatCannotBeConfirmedSaysToUseForceAndChangesNothing()
        {
            PsResult result = Shell.Invoke("Invoke-EHFirmwareUpgrade -Version 9.9.2.1234");

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith("ExtraHop.ConfirmationRequired,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("-Force", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("-Confirm:$false", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains(Sim["eh1"].Server, error.Exception.Message, StringComparison.Ordinal);
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));
        }

        [Fact]
        public void ACmdletWithoutForceOnlySuggestsConfirmFalse()
        {
            PsResult result = Shell.Invoke("Send-EHFirmware -Path $img -Confirm");

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith("ExtraHop.ConfirmationRequired,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("-Confirm:$false", error.Exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("-Force", error.Exception.Message, StringComparison.Ordinal);
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));
        }
    }
}
