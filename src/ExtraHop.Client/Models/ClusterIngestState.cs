namespace ExtraHop.Models
{
    /// <summary>A recordstore cluster's record ingest, as one of its nodes reports it (GET /extrahop/cluster).</summary>
    public sealed class ClusterIngestState : ExtraHopObject
    {
        /// <summary>The cluster this node belongs to, when the appliance says; otherwise the node's own server name.</summary>
        public string ClusterId { get; internal set; } = string.Empty;
        public RecordstoreNodeKind NodeKind { get; internal set; }
        /// <summary>True while the cluster takes in records; false means records sent to it are dropped.</summary>
        public bool IngestEnabled { get; internal set; }

        public override string ToString() => $"{ClusterId}: ingest {(IngestEnabled ? "enabled" : "DISABLED")}";
    }

    /// <summary>What Set-EHClusterIngest changed.</summary>
    public sealed class ClusterIngestChange : ExtraHopObject
    {
        public string ClusterId { get; internal set; } = string.Empty;
        /// <summary>Null when the appliance does not let its ingest be read (it takes only the documented change).</summary>
        public bool? Before { get; internal set; }
        /// <summary>As read back after the change; the value that was set when the appliance does not let it be read.</summary>
        public bool After { get; internal set; }

        public override string ToString() => $"{ClusterId}: ingest {Before?.ToString() ?? "unknown"} -> {After}";
    }
}
