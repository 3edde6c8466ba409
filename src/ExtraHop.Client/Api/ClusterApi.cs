using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>
    /// /extrahop/cluster: a recordstore cluster's record ingest. The REST API guide documents only the PATCH (halt
    /// before an upgrade, enable after it); the GET is weakly sourced (seen in 8.4-era code, absent from the 26.3
    /// catalogue; ingest_enabled INFERRED), so reading is tolerant: ingest_enabled at the top level or any top-level
    /// boolean whose name mentions ingest; the cluster id and node kind under the names a cluster object plausibly
    /// uses. When the GET is not offered (404 or 405), the role from GET /extrahop tells a recordstore that only
    /// takes the documented PATCH from an appliance that has no ingest at all.
    /// </summary>
    internal static class ClusterApi
    {
        private const string Path = "extrahop/cluster";
        private static readonly string[] ClusterIdFields = { "cluster_id", "cluster_uuid", "cluster_name", "cluster", "uuid", "name" };
        private static readonly string[] NodeKindFields = { "node_type", "node_role", "node_kind", "role", "type" };

        public static async Task<ClusterIngestState> GetAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response;
            try
            {
                response = await session.Connection.SendAsync(ApiRequest.Get(Path), cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound || ex.StatusCode == HttpStatusCode.MethodNotAllowed)
            {
                throw ReadNotOffered(session, ex);
            }

            ClusterInfo info = ResponseReader.ReadModel<ClusterInfo>(session.Connection, response, Path);
            bool? enabled = ReadIngestFlag(info.ExtensionData);
            if (enabled == null)
            {
                throw new ClusterIngestUnsupportedException(session.Server, $"{session.Server} answered /extrahop/cluster without an ingest_enabled setting; it cannot be read or changed here.", null);
            }

            return new ClusterIngestState
            {
                IngestEnabled = enabled.Value,
                ClusterId = ReadText(info.ExtensionData, ClusterIdFields) ?? session.Server,
                NodeKind = ReadNodeKind(ReadText(info.ExtensionData, NodeKindFields)),
                ExtensionData = info.ExtensionData,
            }.From(session);
        }

        /// <summary>Sets ingest for the node's whole cluster. Setting a value twice is harmless, so transient failures are retried.</summary>
        public static async Task SetAsync(ExtraHopSession session, bool enabled, CancellationToken cancellationToken)
        {
            var request = ApiRequest.Patch(Path, new Dictionary<string, object> { ["ingest_enabled"] = enabled });
            request.SafeToRetry = true;
            try
            {
                await session.Connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ClusterIngestUnsupportedException(session.Server, $"{session.Server} has no /extrahop/cluster endpoint to change ingest on.", ex);
            }
        }

        private static ClusterIngestUnsupportedException ReadNotOffered(ExtraHopSession session, ExtraHopApiException ex)
        {
            string answer = $"GET /extrahop/cluster answered {(int)ex.StatusCode!.Value}";
            if (session.Role == ApplianceRole.Recordstore)
            {
                return new ClusterIngestUnsupportedException(session.Server,
                    $"{session.Server} is a recordstore that does not let its record ingest be read ({answer}); the REST API guide documents only changing it.", ex)
                {
                    CanBeChanged = true,
                };
            }
            string why = session.Role == ApplianceRole.Unknown
                ? "its role is not known, so it is not treated as a recordstore"
                : $"it is a {session.Role.ToString().ToLowerInvariant()}, not a recordstore";
            return new ClusterIngestUnsupportedException(session.Server, $"{session.Server} has no record ingest ({answer}): {why}.", ex);
        }

        private static bool? ReadIngestFlag(IDictionary<string, object?> fields)
        {
            if (fields.TryGetValue("ingest_enabled", out object? exact) && exact is bool value) return value;
            foreach (KeyValuePair<string, object?> field in fields)
            {
                if (field.Key.IndexOf("ingest", StringComparison.OrdinalIgnoreCase) >= 0 && field.Value is bool flag) return flag;
            }
            return null;
        }

        private static string? ReadText(IDictionary<string, object?> fields, string[] names)
        {
            foreach (string name in names)
            {
                if (fields.TryGetValue(name, out object? value) && value != null && !(value is bool) && !(value is object[]) && !(value is IDictionary<string, object?>))
                {
                    string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                    if (text.Length > 0) return text;
                }
            }
            return null;
        }

        internal static RecordstoreNodeKind ReadNodeKind(string? text)
        {
            if (text == null) return RecordstoreNodeKind.Unknown;
            if (text.IndexOf("manager", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("master", StringComparison.OrdinalIgnoreCase) >= 0) return RecordstoreNodeKind.Manager;
            if (text.IndexOf("data", StringComparison.OrdinalIgnoreCase) >= 0) return RecordstoreNodeKind.Data;
            return RecordstoreNodeKind.Unknown;
        }

        /// <summary>Everything the endpoint sends lands in the extension bag; the readers above pick what they know.</summary>
        private sealed class ClusterInfo : ExtraHopObject
        {
        }
    }

    /// <summary>The appliance cannot read record ingest: it is not a recordstore, or it offers only the guide's documented change.</summary>
    public sealed class ClusterIngestUnsupportedException : Exception
    {
        public ClusterIngestUnsupportedException(string server, string message, Exception? inner)
            : base(message, inner)
        {
            Server = server;
        }

        public string Server { get; }

        /// <summary>A recordstore that cannot tell its ingest but takes the documented PATCH that changes it.</summary>
        public bool CanBeChanged { get; internal set; }
    }
}
