using System;

namespace ExtraHop.Packets
{
    /// <summary>Why an appliance would not search its packets.</summary>
    public enum PacketSearchRefusal
    {
        /// <summary>The appliance could not parse the filter (400); its message says why.</summary>
        InvalidFilter,
        /// <summary>The user lacks the packets privilege, or the level the format needs (403).</summary>
        NotPermitted,
        /// <summary>The appliance has no packets to search (404: not a packetstore or a sensor with packet capture).</summary>
        Unavailable,
    }

    /// <summary>A packet search the appliance refused; wraps its answer, whose message is passed on.</summary>
    public sealed class PacketSearchRefusedException : Exception
    {
        internal PacketSearchRefusedException(PacketSearchRefusal refusal, string message, ExtraHopApiException answer)
            : base(message, answer)
        {
            Refusal = refusal;
            Server = answer.Server;
        }

        public PacketSearchRefusal Refusal { get; }
        public string Server { get; }
    }
}
