using System;
using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>
    /// A support pack file on an appliance (GET /supportpacks): its file name, size and time. The guide lists the
    /// operation but not its fields: "filename", "size" and "created" are INFERRED; the names some firmware may use
    /// instead ("name", "file_name", "bytes", "created_at", "mtime") are read too, and everything else is kept in
    /// ExtensionData.
    /// </summary>
    public sealed class ExtraHopSupportPack : ExtraHopObject
    {
        [ApiName("filename")]
        public string FileName { get; internal set; } = string.Empty;

        /// <summary>Bytes, when the appliance says.</summary>
        public long? Size { get; internal set; }

        /// <summary>When the pack was made, when the appliance says.</summary>
        public DateTimeOffset? Created { get; internal set; }

        public override string ToString() => $"{FileName} on {Server}";
    }
}
