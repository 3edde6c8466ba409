using System;
using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>
    /// One process of an appliance (GET /extrahop/processes). The guide names the operation but not its fields
    /// (UNKNOWN; INFERRED "process" and "uptime"), so the reading is tolerant: whichever of "running" (bool),
    /// "status"/"state" (text) and "uptime" the appliance sends decides <see cref="IsRunning"/>, and every other field
    /// is kept in ExtensionData.
    /// </summary>
    public sealed class ExtraHopProcess : ExtraHopObject
    {
        /// <summary>The process name, as Restart-EHProcess takes it (from "process", or "name" on firmware that calls it so).</summary>
        [ApiName("process")]
        public string Name { get; internal set; } = string.Empty;

        /// <summary>Seconds since the process started (INFERRED unit); 0 or absent when it is not running.</summary>
        [ApiName("uptime")]
        public long? UptimeSeconds { get; internal set; }

        /// <summary>The appliance's own word for the process state, when it sends one.</summary>
        public string? Status { get; internal set; }

        /// <summary>An explicit running flag, when the appliance sends one.</summary>
        [ApiName("running")]
        public bool? RunningFlag { get; internal set; }

        [NotFromApi]
        public TimeSpan? Uptime => UptimeSeconds.HasValue && UptimeSeconds.Value >= 0 ? TimeSpan.FromSeconds(UptimeSeconds.Value) : (TimeSpan?)null;

        /// <summary>
        /// Whether the process runs: an explicit flag first, then the status word, then the uptime (positive means
        /// running, 0 means not). Null only when the appliance said nothing that tells, which a caller should not read as
        /// "not running".
        /// </summary>
        [NotFromApi]
        public bool? IsRunning
        {
            get
            {
                if (RunningFlag.HasValue) return RunningFlag.Value;
                if (!string.IsNullOrWhiteSpace(Status)) return IsRunningWord(Status!);
                if (UptimeSeconds.HasValue) return UptimeSeconds.Value > 0;
                return null;
            }
        }

        private static bool IsRunningWord(string status)
        {
            switch (status.Trim().ToLowerInvariant())
            {
                case "running":
                case "up":
                case "active":
                case "started":
                case "ok":
                    return true;
                default:
                    return false;
            }
        }

        public override string ToString() => $"{Name} on {Server}: {(IsRunning == true ? "running" : IsRunning == false ? "not running" : "unknown")}";
    }
}
