using System.Text.Json.Serialization;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// Recordstore cluster settings: record ingest, shared by every node of the cluster.
/// The resource is inferred (seen only in 8.4-era code); node_type is the simulator's own addition so
/// clients can order manager nodes before data nodes when the appliance reports it.
/// </summary>
internal static class ClusterEndpoints
{
    public static Task GetClusterAsync(ApiContext c)
    {
        switch (c.Appliance.ClusterGetStatus)
        {
            case 404:
                throw new ApiErrorException(404, $"The requested resource was not found: {c.Http.Request.Path}");
            case 405:
                c.Http.Response.Headers.Allow = "PATCH";
                throw new ApiErrorException(405, $"Method GET is not allowed on {c.Http.Request.Path}");
        }

        var cluster = RequireCluster(c);
        var nodeType = c.Appliance.ReportsNodeKind && c.Appliance.NodeKind is { } kind
            ? (kind == RecordstoreNodeKind.Manager ? "manager" : "data")
            : null;
        return c.OkAsync(new ClusterInfo(c.Engine.IngestEnabled, cluster, nodeType));
    }

    public static Task PatchClusterAsync(ApiContext c)
    {
        var cluster = RequireCluster(c);
        var enable = c.ReadJson<ClusterPatch>()?.IngestEnabled
            ?? throw new ApiErrorException(400, "The body must set ingest_enabled to true or false");

        if (enable && c.Engine.Faults.TryTakeIngestEnableFailure())
        {
            throw new ApiErrorException(500, $"Unable to enable record ingest on cluster '{cluster}'");
        }

        if (c.Engine.Host.Clusters.SetIngest(cluster, enable))
        {
            c.Engine.Record(SimulatorEventKind.IngestChanged, $"cluster={cluster} enabled={(enable ? "true" : "false")}");
        }

        return c.NoContentAsync();
    }

    private static string RequireCluster(ApiContext c) =>
        c.Engine.Cluster ?? throw new ApiErrorException(404, "This appliance is not a recordstore; cluster settings exist only on recordstores");

    private sealed record ClusterInfo(
        bool IngestEnabled,
        string ClusterId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NodeType);

    private sealed record ClusterPatch(bool? IngestEnabled);
}
