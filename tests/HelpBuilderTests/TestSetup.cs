using System;
using System.Runtime.CompilerServices;

namespace HelpBuilderTests
{
    internal static class TestSetup
    {
        /// <summary>
        /// The hosted PowerShell engine sends usage telemetry unless told not to; tests must not reach the network,
        /// so opt out before any test can start an engine.
        /// </summary>
        [ModuleInitializer]
        internal static void OptOutOfPowerShellTelemetry() =>
            Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");
    }
}
