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
            string message = RefusedWithoutChange("Invoke-EHFirmwareUpgrade -Version 9.9.2.1234");

            Assert.Contains("-Force", message, StringComparison.Ordinal);
            Assert.Contains("-Confirm:$false", message, StringComparison.Ordinal);
            Assert.Contains(Sim["eh1"].Server, message, StringComparison.Ordinal);
        }

        [Fact]
        public void ACmdletWithoutForceOnlySuggestsConfirmFalse()
        {
            string message = RefusedWithoutChange("Send-EHFirmware -Path $img -Confirm");

            Assert.Contains("-Confirm:$false", message, StringComparison.Ordinal);
            Assert.DoesNotContain("-Force", message, StringComparison.Ordinal);
        }

        /// <summary>Runs a command whose prompt fails; returns the message of its one error, after checking nothing was changed.</summary>
        private string RefusedWithoutChange(string script)
        {
            ErrorRecord error = Assert.Single(Shell.Invoke(script).AllErrors);
            Assert.StartsWith("ExtraHop.ConfirmationRequired,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.All(Sim.RequestLog, e => Assert.Equal("GET", e.Method));
            return error.Exception.Message;
        }
    }
}
