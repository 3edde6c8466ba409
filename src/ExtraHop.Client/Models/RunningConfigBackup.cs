using System;
using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>What became of one appliance's backup file in Export-EHRunningConfig.</summary>
    public enum RunningConfigBackupStatus
    {
        /// <summary>A first backup under this name.</summary>
        Created,
        /// <summary>The config differs from the backup that was there, which was replaced.</summary>
        Changed,
        /// <summary>The config is the same as the backup that was there; the file was left as it was.</summary>
        Unchanged,
        /// <summary>No backup was written; see Error. A backup already there was left as it was.</summary>
        Failed,
    }

    /// <summary>One appliance's running-config backup: the file, and the facts kept beside it (version, time).</summary>
    public sealed class RunningConfigBackup : ExtraHopObject
    {
        [NotFromApi]
        public RunningConfigBackupStatus Status { get; internal set; }

        /// <summary>The backup file: the config alone, keys sorted, so it can be given to Set-EHRunningConfig -Path as it is.</summary>
        [NotFromApi]
        public string Path { get; internal set; } = string.Empty;

        /// <summary>The file beside it (same name, .meta) with the server, host name, firmware version, time and the backup's SHA-256.</summary>
        [NotFromApi]
        public string MetadataPath { get; internal set; } = string.Empty;

        [NotFromApi]
        public string? Hostname { get; internal set; }

        [NotFromApi]
        public string? Version { get; internal set; }

        /// <summary>When the config was read (UTC).</summary>
        [NotFromApi]
        public DateTimeOffset? Time { get; internal set; }

        [NotFromApi]
        public long Bytes { get; internal set; }

        /// <summary>Why no backup was written, when Status is Failed.</summary>
        [NotFromApi]
        public string? Error { get; internal set; }

        public override string ToString() => Status == RunningConfigBackupStatus.Failed ? $"{Server}: Failed: {Error}" : $"{Server}: {Status} {Path}";
    }
}
