using System;
using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>A release the appliance can upgrade to from ExtraHop Cloud Services (GET /extrahop/firmware/next).</summary>
    public sealed class FirmwareRelease : ExtraHopObject
    {
        public string? Release { get; internal set; }
        public bool? CurrentRelease { get; internal set; }
        /// <summary>Builds of the release, newest first.</summary>
        public string[] Versions { get; internal set; } = Array.Empty<string>();

        public override string ToString() => $"{Release}: {string.Join(", ", Versions)}";
    }

    /// <summary>Which firmware image a <see cref="FirmwareInfo"/> describes.</summary>
    public enum FirmwareKind
    {
        /// <summary>The firmware the appliance runs now.</summary>
        Running,
        /// <summary>The image kept for rollback (GET /extrahop/firmware/previous).</summary>
        Previous,
    }

    /// <summary>A firmware image on an appliance: the running one, or the rollback image.</summary>
    public sealed class FirmwareInfo : ExtraHopObject
    {
        public string? Version { get; internal set; }
        /// <summary>When the rollback image was saved (previous image only).</summary>
        public DateTimeOffset? BackupTime { get; internal set; }
        [NotFromApi]
        public FirmwareKind Kind { get; internal set; }

        public override string ToString() => $"{Server} {Kind} {Version}";
    }

    /// <summary>What Send-EHFirmware did: which image went to which appliance, and how fast.</summary>
    public sealed class FirmwareUpload : ExtraHopObject
    {
        public string FileName { get; internal set; } = string.Empty;
        public long Bytes { get; internal set; }
        /// <summary>The version the image carries, when its name or content tells.</summary>
        public string? Version { get; internal set; }
        public TimeSpan Duration { get; internal set; }
        public double BytesPerSecond => Duration.TotalSeconds > 0 ? Bytes / Duration.TotalSeconds : 0;

        public override string ToString() => $"{FileName} -> {Server}";
    }
}
