using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Http
{
    /// <summary>
    /// Puts the requests of one connection on the wire: builds each message, follows redirects that stay on the
    /// appliance, and is the one place every message passes (access token requests too), where its header values
    /// are checked last.
    /// </summary>
    internal sealed class RequestSender
    {
        private const int MaxRedirects = 5;
        private readonly HttpClient http;
        private readonly ServerAddress address;

        public RequestSender(HttpClient http, ServerAddress address)
        {
            this.http = http;
            this.address = address;
        }

        public Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken) =>
            SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);

        /// <summary>Sends one API request; a redirect is followed only to the same host over https (or from http up to https).</summary>
        /// <param name="rangeFrom">For a resumed download, the first byte wanted (an HTTP Range request); null for the whole answer.</param>
        public async Task<HttpResponseMessage> SendFollowingRedirectsAsync(ApiRequest request, Uri uri, string path, string authorization, bool safeToRepeat, CancellationToken cancellationToken, long? rangeFrom = null)
        {
            Uri current = uri;
            HttpMethod method = request.Method;
            bool sendBody = true;
            for (int hop = 0; ; hop++)
            {
                HttpRequestMessage message = Build(method, current, authorization, sendBody ? request.Content : null, safeToRepeat || method == HttpMethod.Get);
                if (rangeFrom.HasValue) message.Headers.Range = new RangeHeaderValue(rangeFrom.Value, null);
                HttpResponseMessage response = await SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (!IsRedirect(response.StatusCode) || response.Headers.Location == null || hop >= MaxRedirects) return response;

                Uri next = new Uri(current, response.Headers.Location);
                response.Dispose();
                string? refusal = current.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps ? $"from https to {next.Scheme}"
                    : !StaysOnAppliance(uri, next) ? $"to another host ({next.Authority})"
                    : null;
                if (refusal != null)
                {
                    // Following would either send the credential elsewhere or send it nowhere and blame the appliance
                    // for the other host's answer; a pinned certificate would be checked against the wrong server.
                    throw new ExtraHopApiException(ApiFailureKind.InsecureRedirect,
                        $"{address} redirected {request.Method} {path} {refusal}; the module follows redirects only within the appliance, over https.",
                        address.DisplayName, request.Method.Method, path);
                }

                ApiTrace.Write($"{address}: {method} {current.AbsolutePath} redirected to {next.AbsolutePath}");
                if ((int)response.StatusCode == 303 || ((int)response.StatusCode < 307 && method != HttpMethod.Get && method != HttpMethod.Head))
                {
                    method = HttpMethod.Get;
                    sendBody = false;
                }
                current = next;
            }
        }

        private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, HttpCompletionOption completion, CancellationToken cancellationToken)
        {
            HeaderText.Check(message);
            return http.SendAsync(message, completion, cancellationToken);
        }

        private static HttpRequestMessage Build(HttpMethod method, Uri uri, string authorization, Func<HttpContent>? content, bool safeToRepeat)
        {
            var message = new HttpRequestMessage(method, uri);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            // The setup key request is the one request sent without a credential: it carries the setup password instead.
            if (authorization.Length > 0) message.Headers.TryAddWithoutValidation("Authorization", authorization);
            // SocketsHttpHandler sends a request again by itself when the kept-alive connection it used turns out to
            // be closed before any answer, unless it had begun sending a body (seen with .NET 10: a body-less POST that
            // a server drops on a kept-alive connection arrives twice, even on a connection new for it). Nobody but
            // this client may repeat a request that changes something, so such a request always has a body: an empty
            // one when it has none, the same bytes on the wire (Content-Length: 0, no Content-Type).
            if (content != null) message.Content = content();
            else if (!safeToRepeat) message.Content = new ByteArrayContent(Array.Empty<byte>());
            return message;
        }

        private static bool IsRedirect(HttpStatusCode status) =>
            status == HttpStatusCode.MovedPermanently || status == HttpStatusCode.Found || status == HttpStatusCode.SeeOther
            || status == HttpStatusCode.TemporaryRedirect || (int)status == 308;

        /// <summary>Same host and port, or the same host moving from http up to https on that scheme's port.</summary>
        private static bool StaysOnAppliance(Uri from, Uri to)
        {
            if (!string.Equals(from.Host, to.Host, StringComparison.OrdinalIgnoreCase)) return false;
            if (from.Port == to.Port && from.Scheme == to.Scheme) return true;
            return from.Scheme == Uri.UriSchemeHttp && to.Scheme == Uri.UriSchemeHttps && (to.Port == from.Port || to.IsDefaultPort);
        }
    }
}
