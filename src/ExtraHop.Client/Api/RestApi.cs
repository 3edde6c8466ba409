using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Json;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>
    /// Any operation of the REST API through a session, for those the module has no cmdlet for yet. It goes through the
    /// session's connection like every other call: its credential, certificate policy, proxy, timeout, retries (only for
    /// methods safe to repeat: a POST or PATCH is never sent twice) and error mapping.
    /// </summary>
    internal static class RestApi
    {
        /// <param name="path">A path that <see cref="RestPath.Build"/> made.</param>
        /// <param name="download">Where a successful answer's bytes go instead of being read as text; null to read it.</param>
        public static Task<ApiResponse> SendAsync(ExtraHopSession session, HttpMethod method, string path, RestContent? content, Stream? download, CancellationToken cancellationToken)
        {
            // RestPath keeps paths below /api/v1; checking the address they resolve to keeps that true whatever it misses.
            Uri resolved = session.Connection.Resolve(path);
            if (!resolved.AbsoluteUri.StartsWith(session.BaseUri.AbsoluteUri, StringComparison.Ordinal))
            {
                throw new InvalidApiPathException($"'{path}' resolves to {resolved.GetLeftPart(UriPartial.Path)}, outside {session.BaseUri}. Nothing was sent.");
            }

            var request = new ApiRequest(method, path, content == null ? null : (Func<HttpContent>)content.Create) { Download = download };
            return session.Connection.SendAsync(request, cancellationToken);
        }

        /// <summary>The answer's body as plain values (<see cref="JsonTree"/>) when it is JSON, as text otherwise, null when empty.</summary>
        public static object? ReadBody(ExtraHopSession session, ApiResponse response, HttpMethod method, string path)
        {
            if (string.IsNullOrWhiteSpace(response.Body)) return null;
            if (!IsJson(response)) return response.Body;
            try
            {
                return JsonTree.Parse(response.Body);
            }
            catch (FormatException ex)
            {
                throw new ExtraHopApiException(ApiFailureKind.InvalidResponse, $"{session.Server}: /{path} said it answered JSON, but did not: {ex.Message}",
                    session.Server, method.Method, "/" + path, response.StatusCode, null, ex);
            }
        }

        private static bool IsJson(ApiResponse response)
        {
            string? type = response.ContentType;
            if (type == null)
            {
                string start = response.Body.TrimStart();
                return start.StartsWith("{", StringComparison.Ordinal) || start.StartsWith("[", StringComparison.Ordinal);
            }
            return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        }
    }
}
