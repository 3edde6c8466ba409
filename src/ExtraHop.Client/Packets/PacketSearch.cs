using System;
using System.Collections.Generic;
using System.Net;

namespace ExtraHop.Packets
{
    /// <summary>
    /// What to search the appliance's packets for, and how to send it. The guide names GET|POST /packets/search
    /// but not its parameters; these are the reference's INFERRED ones (from the REST API Explorer): output, from,
    /// until, bpf, ip1/port1/ip2/port2, limit_bytes, limit_search_duration, always_return_body. They go as a JSON
    /// body of a POST (the guide lists both methods; a body keeps a long filter out of URLs and logs). Times are
    /// sent as absolute milliseconds since the epoch, which the API takes as well as its relative "-10m" form, so
    /// the window checked here is exactly the window searched.
    /// </summary>
    internal sealed class PacketSearch
    {
        /// <summary>Clocks of appliance and client differ a little; a start this far ahead of ours is still accepted.</summary>
        private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

        public DateTimeOffset From { get; set; }
        public DateTimeOffset Until { get; set; }
        public string? Filter { get; set; }
        public IPAddress? Address { get; set; }
        public int? Port { get; set; }
        public IPAddress? PeerAddress { get; set; }
        public int? PeerPort { get; set; }

        /// <summary>pcap, pcapng or zip (packets and session keys).</summary>
        public string Format { get; set; } = "pcap";

        public long? LimitBytes { get; set; }
        public TimeSpan? LimitSearchDuration { get; set; }

        /// <summary>An empty capture instead of 204 when nothing matched.</summary>
        public bool AlwaysReturnBody { get; set; }

        /// <exception cref="PacketWindowException">The window ends before it starts, or starts in the future.</exception>
        public void Check(DateTimeOffset now)
        {
            if (From > now + ClockSkew)
            {
                throw new PacketWindowException(true, $"The window starts at {From.LocalDateTime:u}, in the future (it is {now.LocalDateTime:u}); no packets were captured then. Nothing was sent.");
            }
            if (From > Until)
            {
                throw new PacketWindowException(false, $"-From ({From.LocalDateTime:u}) is after -Until ({Until.LocalDateTime:u}); the window must start before it ends. Nothing was sent.");
            }
        }

        public Dictionary<string, object> ToBody()
        {
            var body = new Dictionary<string, object>
            {
                ["output"] = Format,
                ["from"] = From.ToUnixTimeMilliseconds(),
                ["until"] = Until.ToUnixTimeMilliseconds(),
            };
            if (!string.IsNullOrEmpty(Filter)) body["bpf"] = Filter!;
            if (Address != null) body["ip1"] = Address.ToString();
            if (Port.HasValue) body["port1"] = Port.Value;
            if (PeerAddress != null) body["ip2"] = PeerAddress.ToString();
            if (PeerPort.HasValue) body["port2"] = PeerPort.Value;
            if (LimitBytes.HasValue) body["limit_bytes"] = LimitBytes.Value;
            // Milliseconds, INFERRED like the times; the appliance is said to take unit suffixes as well.
            if (LimitSearchDuration.HasValue) body["limit_search_duration"] = (long)LimitSearchDuration.Value.TotalMilliseconds;
            if (AlwaysReturnBody) body["always_return_body"] = true;
            return body;
        }
    }

    /// <summary>A search window that cannot hold packets; refused before anything is sent.</summary>
    public sealed class PacketWindowException : ArgumentException
    {
        internal PacketWindowException(bool inFuture, string message)
            : base(message)
        {
            InFuture = inFuture;
        }

        /// <summary>True when the window starts in the future; false when it ends before it starts.</summary>
        public bool InFuture { get; }
    }
}
