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
    /// /apikeys and /users/{username}/apikeys: the keys a session may see. The appliance shows a caller its own keys
    /// in full; the module masks those too before anyone sees them, so a listing never puts a usable key on screen,
    /// in a transcript or in a CSV export.
    /// </summary>
    internal static class ApiKeyApi
    {
        private const int VisibleCharacters = 4;

        public static async Task<List<ExtraHopApiKey>> ListAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            Masked(await ReadListAsync(session, "apikeys", cancellationToken).ConfigureAwait(false));

        public static async Task<List<ExtraHopApiKey>> ListForUserAsync(ExtraHopSession session, string username, CancellationToken cancellationToken) =>
            Masked(await ReadListAsync(session, "users/" + ResourcePath.Segment(username, "User") + "/apikeys", cancellationToken).ConfigureAwait(false));

        /// <summary>
        /// GET /apikeys/{keyid}; when that path is missing (404 on firmware without it) and the owner is known, the
        /// deprecated /users/{username}/apikeys/{keyid} instead.
        /// </summary>
        public static async Task<ExtraHopApiKey> GetAsync(ExtraHopSession session, long id, string? username, CancellationToken cancellationToken)
        {
            string keyId = id.ToString(CultureInfo.InvariantCulture);
            try
            {
                return Masked(await ReadOneAsync(session, "apikeys/" + keyId, cancellationToken).ConfigureAwait(false));
            }
            catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound && username != null)
            {
                ApiTrace.Write($"GET /apikeys/{keyId} answered 404; trying the older /users/{{username}}/apikeys/{keyId}");
                return Masked(await ReadOneAsync(session, "users/" + ResourcePath.Segment(username, "User") + "/apikeys/" + keyId, cancellationToken).ConfigureAwait(false));
            }
        }

        /// <summary>The keys with the key text as the appliance sent it, for the module's own use only (never written out).</summary>
        internal static Task<List<ExtraHopApiKey>> ReadUnmaskedAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            ReadListAsync(session, "apikeys", cancellationToken);

        /// <summary>A mask of the appliance's own (asterisks) is kept; a full key becomes asterisks and its last four characters.</summary>
        internal static string? Mask(string? key)
        {
            if (key == null || key.IndexOf('*') >= 0 || key.Length <= VisibleCharacters) return key;
            return new string('*', key.Length - VisibleCharacters) + key.Substring(key.Length - VisibleCharacters);
        }

        private static async Task<List<ExtraHopApiKey>> ReadListAsync(ExtraHopSession session, string path, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadList<ExtraHopApiKey>(session.Connection, response, path).From(session);
        }

        private static async Task<ExtraHopApiKey> ReadOneAsync(ExtraHopSession session, string path, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadModel<ExtraHopApiKey>(session.Connection, response, path).From(session);
        }

        private static ExtraHopApiKey Masked(ExtraHopApiKey key)
        {
            key.Key = Mask(key.Key);
            return key;
        }

        private static List<ExtraHopApiKey> Masked(List<ExtraHopApiKey> keys)
        {
            foreach (ExtraHopApiKey key in keys) Masked(key);
            return keys;
        }
    }
}
