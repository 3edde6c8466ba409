using System;

namespace ExtraHop.Models
{
    /// <summary>A file saved from an appliance (Save-EHSupportPack): where it is, its size, and whether an earlier partial download was resumed.</summary>
    public sealed class ExtraHopDownload : ExtraHopObject
    {
        /// <summary>The appliance's name for the file.</summary>
        public string FileName { get; internal set; } = string.Empty;

        /// <summary>The full path of the saved file.</summary>
        public string Path { get; internal set; } = string.Empty;

        public long Bytes { get; internal set; }

        /// <summary>Bytes that were already on disk from an earlier, interrupted download and were not fetched again.</summary>
        public long ResumedBytes { get; internal set; }

        public TimeSpan Duration { get; internal set; }

        public override string ToString() => Path;
    }
}
