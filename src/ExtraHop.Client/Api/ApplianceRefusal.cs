using System;

namespace ExtraHop.Api
{
    /// <summary>Why the module refused an appliance operation before sending it.</summary>
    public enum ApplianceRefusal
    {
        /// <summary>The guide marks the operation "only valid on consoles", and the session is another role.</summary>
        ConsoleOnly,
        /// <summary>An IDS association was asked of an appliance that is no IDS sensor.</summary>
        NotIdsSensor,
        /// <summary>The operation names the local appliance (id 0), which it cannot act on (disconnect it, upgrade it remotely).</summary>
        LocalAppliance,
        /// <summary>An id that names no appliance connected to the console.</summary>
        NotConnected,
    }

    /// <summary>An appliance operation the module refused before sending anything; nothing was changed.</summary>
    public sealed class ApplianceRefusedException : ArgumentException
    {
        public ApplianceRefusedException(ApplianceRefusal refusal, string message)
            : base(message)
        {
            Refusal = refusal;
        }

        public ApplianceRefusal Refusal { get; }
    }
}
