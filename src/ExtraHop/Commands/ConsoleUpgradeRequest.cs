using System.Collections.Generic;
using ExtraHop.Models;

namespace ExtraHop.Commands
{
    /// <summary>One record of Invoke-EHFirmwareUpgrade -ViaConsole: which console upgrades which of its connected appliances, to what.</summary>
    internal sealed class ConsoleUpgradeRequest
    {
        public ConsoleUpgradeRequest(ExtraHopSession console, IReadOnlyCollection<long> applianceIds, string version)
        {
            Console = console;
            ApplianceIds = applianceIds;
            Version = version;
        }

        public ExtraHopSession Console { get; }
        public IReadOnlyCollection<long> ApplianceIds { get; }
        public string Version { get; }
    }
}
