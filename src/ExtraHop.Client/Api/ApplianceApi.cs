using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Json;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/appliances: the local appliance and those connected to it; connecting and disconnecting them.</summary>
    internal static class ApplianceApi
    {
        /// <summary>The id the API gives the appliance asked itself.</summary>
        public const long LocalId = 0;

        /// <summary>Every appliance GET /appliances lists: the one asked (id 0) and, on a console, those connected to it. Any role may ask.</summary>
        public static async Task<List<ExtraHopAppliance>> GetAllAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get("appliances"), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadList<ExtraHopAppliance>(session.Connection, response, "appliances").From(session);
        }

        /// <summary>The connected appliances only, without the local entry.</summary>
        public static async Task<List<ExtraHopAppliance>> GetConnectedAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            List<ExtraHopAppliance> all = await GetAllAsync(session, cancellationToken).ConfigureAwait(false);
            return all.Where(a => !a.IsLocal).ToList();
        }

        /// <summary>One appliance by id; the guide makes this console-only except for id 0, which every appliance has.</summary>
        public static async Task<ExtraHopAppliance> GetAsync(ExtraHopSession session, long id, CancellationToken cancellationToken)
        {
            if (id != LocalId) ConsoleOnly.ApplianceById.Require(session);
            string path = AppliancePath(id);
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadModel<ExtraHopAppliance>(session.Connection, response, path).From(session);
        }

        /// <summary>
        /// POST /appliances, then the new connection as the appliance lists it (found by host name). The answer's
        /// status and Location are INFERRED (201), so neither is relied on; when the list does not show the host
        /// (some firmware lists it only after the first sync) null is returned and the caller says so.
        /// </summary>
        public static async Task<ExtraHopAppliance?> ConnectAsync(ExtraHopSession session, NewApplianceRequest request, CancellationToken cancellationToken)
        {
            var post = new ApiRequest(HttpMethod.Post, "appliances", () => JsonBody.Create(request.ToWire())) { SafeToRetry = false };
            await session.Connection.SendAsync(post, cancellationToken).ConfigureAwait(false);
            List<ExtraHopAppliance> all = await GetAllAsync(session, cancellationToken).ConfigureAwait(false);
            return all.LastOrDefault(a => !a.IsLocal && string.Equals(a.Hostname, request.Host, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>DELETE /appliances/{id}; console-only, and never the local appliance.</summary>
        public static Task DisconnectAsync(ExtraHopSession session, long id, CancellationToken cancellationToken)
        {
            ConsoleOnly.Disconnect.Require(session);
            RefuseLocal(id, "disconnect");
            return session.Connection.SendAsync(new ApiRequest(HttpMethod.Delete, AppliancePath(id)), cancellationToken);
        }

        /// <summary>GET /appliances/{id}/productkey (consoles only): an array (fields INFERRED).</summary>
        public static async Task<List<ExtraHopApplianceProductKey>> GetProductKeysAsync(ExtraHopSession session, long id, CancellationToken cancellationToken)
        {
            ConsoleOnly.ProductKey.Require(session);
            string path = AppliancePath(id) + "/productkey";
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
            List<ExtraHopApplianceProductKey> keys = ResponseReader.ReadList<ExtraHopApplianceProductKey>(session.Connection, response, path).From(session);
            foreach (ExtraHopApplianceProductKey key in keys) key.ApplianceId = id;
            return keys;
        }

        internal static string AppliancePath(long id, string parameterName = "Id") =>
            "appliances/" + ResourcePath.Segment(id.ToString(CultureInfo.InvariantCulture), parameterName);

        internal static void RefuseLocal(long id, string what)
        {
            if (id == LocalId)
            {
                throw new ApplianceRefusedException(ApplianceRefusal.LocalAppliance, $"Id 0 is the appliance asked itself; it cannot {what} itself. Nothing was sent. Give the id of a connected appliance (Get-EHAppliance lists them).");
            }
        }
    }
}
