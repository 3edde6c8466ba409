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

        /// <summary>
        /// One look at the identity for a wait that follows a reboot: no retries (the caller does its own waiting) and
        /// its own time limit.
        /// </summary>
        public static Task<ExtraHopSystem> PollIdentityAsync(ApiConnection connection, TimeSpan timeout, CancellationToken cancellationToken) =>
            ReadIdentityAsync(connection, new ApiRequest(HttpMethod.Get, "extrahop") { RetryTransientFailures = false, Timeout = timeout }, cancellationToken);

        /// <summary>Identity plus edition, iDRAC address and platform; also refreshes the version the session shows.</summary>
        public static async Task<ExtraHopSystem> GetAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ExtraHopSystem system = (await ReadIdentityAsync(session.Connection, cancellationToken).ConfigureAwait(false)).From(session);
            system.Edition = await ReadEditionAsync(session.Connection, cancellationToken).ConfigureAwait(false);
            system.IdracAddress = await ReadOptionalFieldAsync(session.Connection, "extrahop/idrac", IdracFields, cancellationToken).ConfigureAwait(false);
            // The role is read from /extrahop's platform word, so /extrahop/platform only fills in for firmware whose /extrahop lacks it.
            if (string.IsNullOrEmpty(system.Platform))
            {
                system.Platform = await ReadOptionalFieldAsync(session.Connection, "extrahop/platform", PlatformFields, cancellationToken).ConfigureAwait(false);
            }
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

        // The iDRAC field name is UNKNOWN and the platform one INFERRED: the likely names in turn, then a lone string field.
        private static readonly string[] IdracFields = { "idrac_ipaddr", "idrac_ip", "ipaddr", "ip_address", "address", "idrac" };
        private static readonly string[] PlatformFields = { "platform", "name" };

        /// <summary>
        /// One field of a small read-only resource (/extrahop/idrac, /extrahop/platform), or null when the appliance
        /// does not serve it: a virtual appliance has no iDRAC, and older or cloud appliances may lack the endpoint or
        /// refuse it to low-privilege keys (404, 403, 400, 501). Either way the rest of Get-EHSystem still comes.
        /// </summary>
        private static async Task<string?> ReadOptionalFieldAsync(ApiConnection connection, string path, string[] names, CancellationToken cancellationToken)
        {
            try
            {
                ApiResponse response = await connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
                var fields = ResponseReader.ReadModel<FieldBag>(connection, response, path).ExtensionData;
                foreach (string name in names)
                {
                    if (fields.TryGetValue(name, out object? value) && value is string text && text.Length > 0) return text;
                }
                var strings = System.Linq.Enumerable.ToList(System.Linq.Enumerable.OfType<string>(fields.Values));
                return strings.Count == 1 && strings[0].Length > 0 ? strings[0] : null;
            }
            catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound || ex.StatusCode == HttpStatusCode.Forbidden
                || ex.StatusCode == HttpStatusCode.BadRequest || ex.StatusCode == HttpStatusCode.NotImplemented)
            {
                return null;
            }
        }

        private static async Task<ExtraHopSystem> ReadIdentityAsync(ApiConnection connection, ApiRequest request, CancellationToken cancellationToken)
        {
            ApiResponse response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadModel<ExtraHopSystem>(connection, response, "extrahop");
        }

        private sealed class FieldBag : ExtensibleModel
        {
        }

        private sealed class EditionInfo : ExtraHopObject
        {
            public string? Edition { get; set; }
        }
    }
}
