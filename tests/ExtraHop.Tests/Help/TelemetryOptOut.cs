using System;
using System.Runtime.CompilerServices;

namespace ExtraHop.Tests.Help
{
    internal static class TelemetryOptOut
    {
        /// <summary>
        /// The hosted PowerShell engine may send usage telemetry unless told not to, and tests must not reach
        /// out to the network: opt out before any test starts an engine. It applies to the whole test assembly.
        /// </summary>
        [ModuleInitializer]
        internal static void Apply() => Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");
    }
}
