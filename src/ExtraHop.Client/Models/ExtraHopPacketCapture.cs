using System;

namespace ExtraHop.Models
{
    /// <summary>
    /// The outcome of one packet download (Save-EHPacket): the file written (none when nothing matched), its format
    /// and size, the time window searched, and which limit cut the search short, if one did.
    /// </summary>
    public sealed class ExtraHopPacketCapture : ExtraHopObject
    {
        /// <summary>The file written; null when no packet matched and no empty file was asked for.</summary>
        public string? Path { get; internal set; }

        /// <summary>pcap, pcapng or zip.</summary>
        public string Format { get; internal set; } = string.Empty;

        public long Bytes { get; internal set; }

        /// <summary>False when the appliance found no packet in the window that matched (204).</summary>
        public bool Matched { get; internal set; }

        public DateTimeOffset From { get; internal set; }
        public DateTimeOffset Until { get; internal set; }

        /// <summary>The limit that cut the search short (limit_bytes, limit_search_duration), or null when it ran to the end.</summary>
        public string? LimitReached { get; internal set; }

        public TimeSpan Duration { get; internal set; }

        public override string ToString() => Path ?? $"no packets matched on {Server}";
    }
}
