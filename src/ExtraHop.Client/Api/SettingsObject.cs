using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>
    /// Reads a settings resource whose fields are UNKNOWN (services, ticketing) as plain data: every field lands in
    /// the extension bag. The guide names their models (service_settings, ticket_tracking_parameters); an appliance
    /// that wraps the fields in an object of that name is read the same as one that sends them bare.
    /// </summary>
    internal static class SettingsObject
    {
        public static async Task<IDictionary<string, object?>> ReadAsync(ExtraHopSession session, string path, string wrapperName, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
            IDictionary<string, object?> fields = ResponseReader.ReadModel<Bag>(session.Connection, response, path).ExtensionData;
            return fields.Count == 1 && fields.TryGetValue(wrapperName, out object? inner) && inner is IDictionary<string, object?> wrapped
                ? wrapped
                : fields;
        }

        /// <summary>A PATCH that sets values: sending it twice does no harm, so it may be retried.</summary>
        public static Task PatchAsync(ExtraHopSession session, string path, object body, CancellationToken cancellationToken)
        {
            ApiRequest patch = ApiRequest.Patch(path, body);
            patch.SafeToRetry = true;
            return session.Connection.SendAsync(patch, cancellationToken);
        }

        public static bool? Flag(IDictionary<string, object?> fields, string name) =>
            fields.TryGetValue(name, out object? value) && value is bool flag ? flag : (bool?)null;

        public static IDictionary<string, object?> Without(IDictionary<string, object?> fields, params string[] names)
        {
            var rest = new Dictionary<string, object?>(fields, StringComparer.OrdinalIgnoreCase);
            foreach (string name in names) rest.Remove(name);
            return rest;
        }

        private sealed class Bag : ExtensibleModel
        {
        }
    }
}
