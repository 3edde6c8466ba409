using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Certificates;
using ExtraHop.Http;
using ExtraHop.Json;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/extrahop/sslcert: replace the appliance's TLS certificate, regenerate it, and make a signing request.</summary>
    internal static class CertificateApi
    {
        private const string Path = "extrahop/sslcert";
        private const string SigningRequestPath = "extrahop/sslcert/signingrequest";

        /// <summary>
        /// Replaces the certificate (204). The module knows the new certificate, so a session that pins the old one
        /// pins the new one from here on, and goes on working once the appliance's web server serves it.
        /// </summary>
        public static async Task ReplaceAsync(ExtraHopSession session, CertificateBundle bundle, CancellationToken cancellationToken)
        {
            await session.Connection.SendAsync(new ApiRequest(HttpMethod.Put, Path, bundle.CreateContent), cancellationToken).ConfigureAwait(false);
            if (session.TlsMode == TlsMode.Pinned) session.TrustOnly(bundle.Sha256);
        }

        /// <summary>
        /// Regenerates the self-signed certificate. The guide says this creates a job (its Location, as for other jobs;
        /// the reference has 201). Returns null if the appliance named no job, when there is nothing to follow.
        /// </summary>
        public static async Task<ExtraHopJob?> RegenerateAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            var request = ApiRequest.Post(Path);
            request.FindJobItStarted = token => JobApi.FindRunningAsync(session, token);
            ApiResponse response = await session.Connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(response.Location) ? null : JobApi.Pending(session, response.Location!);
        }

        /// <summary>
        /// Has the appliance make a key and a signing request for it; returns the request as PEM text. The answer's
        /// field is INFERRED ("csr"); any string field holding a PEM request is taken, and so is a bare PEM body.
        /// </summary>
        public static async Task<string> CreateSigningRequestAsync(ExtraHopSession session, SigningRequestFields fields, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Post(SigningRequestPath, fields.ToBody()), cancellationToken).ConfigureAwait(false);
            string? pem = FindPem(response);
            if (pem == null)
            {
                throw new ExtraHopApiException(ApiFailureKind.InvalidResponse, $"{session.Server} answered the signing request without a PEM certificate request.",
                    session.Server, "POST", "/" + SigningRequestPath, response.StatusCode);
            }
            return pem.Replace("\r\n", "\n").Trim() + "\n";
        }

        private static string? FindPem(ApiResponse response)
        {
            const string Marker = "-----BEGIN CERTIFICATE REQUEST-----";
            string body = response.Body.TrimStart();
            if (body.StartsWith(Marker, System.StringComparison.Ordinal)) return body;
            try
            {
                SigningRequestAnswer answer = response.Read<SigningRequestAnswer>();
                if (answer.Csr != null && answer.Csr.Contains(Marker)) return answer.Csr;
                foreach (KeyValuePair<string, object?> field in answer.ExtensionData)
                {
                    if (field.Value is string text && text.Contains(Marker)) return text;
                }
            }
            catch (System.FormatException)
            {
            }
            catch (System.Text.Json.JsonException)
            {
            }
            return null;
        }

        private sealed class SigningRequestAnswer : ExtraHopObject
        {
            public string? Csr { get; set; }
        }
    }
}
