using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace ExtraHop.Http
{
    /// <summary>Turns what went wrong with one request (an error answer, a network failure, a timeout) into an <see cref="ExtraHopApiException"/>.</summary>
    internal static class RequestFailures
    {
        /// <summary>The appliance answered with an error status.</summary>
        public static ExtraHopApiException FromAnswer(string server, string method, string path, HttpResponseMessage response, string body)
        {
            string? applianceMessage = ApplianceMessage.Read(body, response.Content?.Headers.ContentType?.MediaType);
            HttpStatusCode status = response.StatusCode;
            string reason = applianceMessage ?? DescribeStatus(status, body);
            return new ExtraHopApiException(
                ApiFailureKind.HttpStatus,
                $"{server}: {method} {path} failed with {(int)status} ({status}): {reason}",
                server, method, path, status, applianceMessage)
            {
                RetryAfter = RetryPolicy.ParseRetryAfter(response.Headers.RetryAfter?.ToString(), DateTimeOffset.UtcNow),
            };
        }

        public static ExtraHopApiException Timeout(string server, string method, string path, string what) =>
            new ExtraHopApiException(ApiFailureKind.Timeout, $"{server}: {method} {path} {what}.", server, method, path);

        /// <summary>
        /// True for a failure of the connection itself. HttpClient wraps these in HttpRequestException, but a connection
        /// the appliance drops while its web server restarts (a certificate replace) has been seen to surface as a bare
        /// SocketException ("Transport endpoint is not connected"); it means the same. Not IOException: a download's
        /// failure to write its file is the caller's, and must not be taken for the network and retried.
        /// </summary>
        public static bool IsTransport(Exception ex) => ex is HttpRequestException || ex is SocketException;

        /// <summary>No answer came: the connection could not be made, was refused or reset, or TLS failed.</summary>
        public static ExtraHopApiException FromTransport(Exception ex, string server, string method, string path, TlsPolicy tls, int refusalsBefore)
        {
            if (IsTlsFailure(ex) && tls.Refusals != refusalsBefore)
            {
                string? sha = tls.LastRefusedSha256;
                string what = tls.Mode == TlsMode.Pinned
                    ? $"The certificate of {server} does not match the pinned SHA-256 fingerprint (it presented {sha})."
                    : $"The certificate of {server} is not trusted by this computer (SHA-256 fingerprint {sha}).";
                string advice = $" If you know this is the appliance's own certificate, connect with -CertificateThumbprint '{sha}' to trust exactly that certificate, or install its issuing CA; -SkipCertificateCheck trusts any certificate and is not recommended.";
                return new ExtraHopApiException(ApiFailureKind.CertificateUntrusted, what + advice, server, method, path, null, null, ex)
                {
                    CertificateSha256 = sha,
                };
            }

            string detail = ex.InnerException?.Message ?? ex.Message;
            bool notSent = NeverConnected(ex) || IsTlsFailure(ex);
            return new ExtraHopApiException(
                ApiFailureKind.ConnectionFailed,
                notSent ? $"Could not reach {server} for {method} {path}: {detail}" : $"{server} did not answer {method} {path}: the connection ended ({detail})",
                server, method, path, null, null, ex)
            {
                Delivery = notSent ? RequestDelivery.NotSent : RequestDelivery.Unanswered,
            };
        }

        /// <summary>
        /// The answer says the credential itself was refused: 401, or the 400 with "The specified access token is
        /// invalid" (text/plain) that RevealX 360 has been seen to send for an expired bearer token.
        /// </summary>
        public static bool RejectsCredential(ExtraHopApiException failure)
        {
            if (failure.StatusCode == HttpStatusCode.Unauthorized) return true;
            string? text = failure.ApplianceMessage;
            return failure.StatusCode == HttpStatusCode.BadRequest && text != null
                && text.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
                && (text.IndexOf("invalid", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("expired", StringComparison.OrdinalIgnoreCase) >= 0);
        }

        /// <summary>
        /// True when the connection itself could not be made (refused, name not resolved, no route), so the request
        /// certainly never left. Everything else after a connection existed may have carried the request.
        /// </summary>
        private static bool NeverConnected(Exception? ex)
        {
            for (; ex != null; ex = ex.InnerException)
            {
                if (ex is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
                // Windows PowerShell 5.1 (HttpWebRequest underneath) reports these as WebException statuses.
                if (ex is WebException web && (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure
                    || web.Status == WebExceptionStatus.ProxyNameResolutionFailure))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsTlsFailure(Exception? ex)
        {
            for (; ex != null; ex = ex.InnerException)
            {
                if (ex is AuthenticationException) return true;
            }
            return false;
        }

        private static string DescribeStatus(HttpStatusCode status, string body)
        {
            bool html = body.TrimStart().StartsWith("<", StringComparison.Ordinal);
            switch ((int)status)
            {
                case 401: return "the credential was not accepted";
                case 403: return "the credential lacks the privilege for this";
                case 404: return "not found";
                case 429: return "too many requests";
                case 502:
                case 503:
                case 504: return html ? "the appliance is not ready (it may be restarting)" : "the appliance is not ready";
                default: return html ? "the appliance answered with a web page instead of JSON" : "no error message from the appliance";
            }
        }
    }
}
