using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/extrahop: who the appliance is and what it runs.</summary>
    internal static class SystemApi
    {
        public static Task<ExtraHopSystem> ReadIdentityAsync(ApiConnection connection, CancellationToken cancellationToken) =>
            ReadIdentityAsync(connection, ApiRequest.Get("extrahop"), cancellationToken);

        /// <summary>The first call of a new session: the identity, failing at once on a host that refuses the connection or does not resolve.</summary>
        public static Task<ExtraHopSystem> ProveAsync(ApiConnection connection, CancellationToken cancellationToken) =>
            ReadIdentityAsync(connection, new ApiRequest(HttpMethod.Get, "extrahop") { FailFastWhenUnreachable = true }, cancellationToken);

        /// <summary>Identity plus edition; also refreshes the version the session shows.</summary>
        public static async Task<ExtraHopSystem> GetAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ExtraHopSystem system = (await ReadIdentityAsync(session.Connection, cancellationToken).ConfigureAwait(false)).From(session);
            system.Edition = await ReadEditionAsync(session.Connection, cancellationToken).ConfigureAwait(false);
            session.Version = system.Version;
            return system;
        }

        /// <summary>
        /// The edition endpoint's field name is INFERRED ("edition"); older or cloud appliances may lack the endpoint
        /// or refuse it to low-privilege keys, so its absence leaves Edition empty instead of failing the whole call.
        /// </summary>
        private static async Task<string?> ReadEditionAsync(ApiConnection connection, CancellationToken cancellationToken)
        {
            try
            {
                ApiResponse response = await connection.SendAsync(ApiRequest.Get("extrahop/edition"), cancellationToken).ConfigureAwait(false);
                EditionInfo edition = ResponseReader.ReadModel<EditionInfo>(connection, response, "extrahop/edition");
                if (!string.IsNullOrEmpty(edition.Edition)) return edition.Edition;
                return edition.ExtensionData.Count == 1 ? Convert.ToString(System.Linq.Enumerable.First(edition.ExtensionData.Values), System.Globalization.CultureInfo.InvariantCulture) : null;
            }
            catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound || ex.StatusCode == HttpStatusCode.Forbidden || ex.StatusCode == HttpStatusCode.BadRequest)
            {
                return null;
            }
        }

        private static async Task<ExtraHopSystem> ReadIdentityAsync(ApiConnection connection, ApiRequest request, CancellationToken cancellationToken)
        {
            ApiResponse response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadModel<ExtraHopSystem>(connection, response, "extrahop");
        }

        private sealed class EditionInfo : ExtraHopObject
        {
            public string? Edition { get; set; }
        }
    }
}
