using System;
using System.Linq;
using System.Management.Automation;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Every -TimeoutSec has an upper bound that .NET's timers can take (about 24.8 days), so an enormous value is a
    /// parameter error naming the parameter instead of an ArgumentOutOfRangeException from deep inside.
    /// </summary>
    public sealed class TimeoutRangeTests : IDisposable
    {
        private static readonly double TimerMaxSeconds = TimeSpan.FromMilliseconds(int.MaxValue).TotalSeconds;
        private readonly HostedPowerShell shell = new HostedPowerShell();

        public void Dispose() => shell.Dispose();

        [Fact]
        public void EveryTimeoutSecIsBoundedBelowWhatTimersTake()
        {
            var parameters = shell.Invoke("Get-Command -Module ExtraHop | ForEach-Object { $_.Parameters['TimeoutSec'] } | Where-Object { $_ }")
                .AssertNoErrors().Objects<ParameterMetadata>().ToList();

            Assert.True(parameters.Count >= 4, "fewer cmdlets with -TimeoutSec than expected");
            Assert.All(parameters, p =>
            {
                ValidateRangeAttribute range = Assert.Single(p.Attributes.OfType<ValidateRangeAttribute>());
                Assert.Equal(1, Convert.ToInt32(range.MinRange));
                Assert.True(Convert.ToDouble(range.MaxRange) < TimerMaxSeconds, $"-TimeoutSec allows {range.MaxRange}");
            });
        }

        [Theory]
        [InlineData("Wait-EHJob -Id 1 -TimeoutSec ([int]::MaxValue)")]
        [InlineData("Invoke-EHFirmwareUpgrade -Version 9.9.2.1234 -TimeoutSec ([int]::MaxValue)")]
        public void AnEnormousTimeoutIsAParameterError(string command)
        {
            ErrorRecord error = Assert.Single(shell.Invoke(command).AllErrors);
            Assert.StartsWith("ParameterArgumentValidationError,", error.FullyQualifiedErrorId);
            Assert.Contains("TimeoutSec", error.Exception.Message);
        }
    }
}
