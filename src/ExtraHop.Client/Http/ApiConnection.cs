using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Auth;
using ExtraHop.Json;

namespace ExtraHop.Http
{
    /// <summary>
    /// One appliance connection: one HttpClient, its authenticator and policies. Thread-safe and free of
    /// per-request state, so a session can be used from parallel runspaces and fleet workers at once.
    /// Every call has a timeout and a cancellation token; transient failures of calls that are safe to repeat
    /// are retried with growing delays; every failure becomes an <see cref="ExtraHopApiException"/>.
    /// </summary>
    internal sealed class ApiConnection : IDisposable
    {
        private const int MaxRedirects = 5;
        private readonly HttpClient http;

        public ApiConnection(ServerAddress address, ConnectionSettings settings, Func<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>, IAuthenticator> createAuthenticator)
        {
            if (!address.IsEncrypted && !settings.AllowUnencryptedAuthentication)
            {
                throw new ArgumentException(
                    $"'{address.BaseUri.GetLeftPart(UriPartial.Authority)}' is plain http, which would send the credential unencrypted. Use https, or -AllowUnencryptedAuthentication if you accept that risk.");
            }

            Address = address;
            Settings = settings;
            http = HttpClientFactory.Create(settings);
            Authenticator = createAuthenticator((request, token) => http.SendAsync(request, token));
        }

        public ServerAddress Address { get; }
        public ConnectionSettings Settings { get; }
        public IAuthenticator Authenticator { get; }

        public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            Uri uri = Resolve(request.Path);
            string path = ApiPath(uri);
            bool retryable = request.RetryTransientFailures && (request.SafeToRetry ?? RetryPolicy.IsIdempotent(request.Method));
            bool reauthenticated = false;
            for (int attempt = 0; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                ExtraHopApiException failure;
                TimeSpan? retryAfter = null;
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.Watchdog?.Token ?? CancellationToken.None))
                {
                    TimeSpan limit = request.Timeout ?? Settings.Timeout;
                    if (limit != Timeout.InfiniteTimeSpan) timeout.CancelAfter(limit);
                    int refusalsBefore = Settings.Tls.Refusals;
                    try
                    {
                        string authorization = await Authenticator.GetAuthorizationAsync(timeout.Token).ConfigureAwait(false);
                        using (HttpResponseMessage response = await SendFollowingRedirectsAsync(request, uri, authorization, timeout.Token).ConfigureAwait(false))
                        {
                            string? contentType = response.Content?.Headers.ContentType?.MediaType;
                            if (response.IsSuccessStatusCode && request.Download != null && response.Content != null)
                            {
                                await DownloadAsync(response.Content, request.Download, timeout.Token).ConfigureAwait(false);
                                ApiTrace.Write($"{request.Method} {uri.AbsolutePath} -> {(int)response.StatusCode} {response.StatusCode}, {request.Download.Length} bytes saved ({clock.ElapsedMilliseconds} ms)");
                                return new ApiResponse(response.StatusCode, response.Headers.Location?.OriginalString, string.Empty, contentType);
                            }

                            string body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                            if (ApiTrace.IsOn) ApiTrace.Write($"{request.Method} {uri.AbsolutePath} -> {(int)response.StatusCode} {response.StatusCode} ({clock.ElapsedMilliseconds} ms)");
                            if (response.IsSuccessStatusCode)
                            {
                                return new ApiResponse(response.StatusCode, response.Headers.Location?.OriginalString, body, contentType);
                            }

                            if (response.StatusCode == HttpStatusCode.Unauthorized && !reauthenticated && Authenticator.Invalidate(authorization))
                            {
                                // A token can expire between our check and the appliance's: fetch a new one and try once more.
                                reauthenticated = true;
                                attempt--;
                                continue;
                            }

                            retryAfter = RetryPolicy.ParseRetryAfter(response.Headers.RetryAfter?.ToString(), DateTimeOffset.UtcNow);
                            failure = HttpFailure(request, path, response.StatusCode, body);
                            failure.RetryAfter = retryAfter;
                        }
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        string what = request.Watchdog?.Reason ?? $"did not answer within {limit.TotalSeconds:0.#} seconds";
                        failure = new ExtraHopApiException(
                            ApiFailureKind.Timeout,
                            $"{Address}: {request.Method} {path} {what}.",
                            Address.DisplayName, request.Method.Method, path);
                    }
                    catch (HttpRequestException ex)
                    {
                        failure = TransportFailure(ex, request, path, refusalsBefore);
                    }
                }

                if (!retryable || !failure.IsTransient || attempt >= Settings.Retry.MaxRetries) throw failure;
                TimeSpan delay = Settings.Retry.DelayFor(attempt, retryAfter);
                ApiTrace.Write($"{request.Method} {path} failed ({failure.Message}); retry {attempt + 1} of {Settings.Retry.MaxRetries} in {delay.TotalSeconds:0.0} s");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        public void Dispose()
        {
            http.Dispose();
            Authenticator.Dispose();
        }

        /// <summary>API paths are relative to /api/v1/; a job's Location is a server-relative path such as /api/v1/jobs/7.</summary>
        internal Uri Resolve(string path) => new Uri(Address.BaseUri, path);

        /// <summary>
        /// Copies a body to its destination. A body cut off on the way is a transport failure like any other (a GET is
        /// then retried); a failure to write (a full disk) is the caller's IOException, never retried.
        /// </summary>
        private static async Task DownloadAsync(HttpContent content, System.IO.Stream destination, CancellationToken cancellationToken)
        {
            if (destination.CanSeek) destination.SetLength(0);
            var buffer = new byte[81920];
            using (System.IO.Stream body = await content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                while (true)
                {
                    int read;
                    try
                    {
                        read = await body.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                    }
                    catch (System.IO.IOException ex)
                    {
                        throw new HttpRequestException("the answer was cut off: " + ex.Message, ex);
                    }
                    if (read == 0) break;
                    await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                }
            }
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        private static bool IsRedirect(HttpStatusCode status) =>
            status == HttpStatusCode.MovedPermanently || status == HttpStatusCode.Found || status == HttpStatusCode.SeeOther
            || status == HttpStatusCode.TemporaryRedirect || (int)status == 308;

        private static bool IsTlsFailure(Exception? ex)
        {
            for (; ex != null; ex = ex.InnerException)
            {
                if (ex is AuthenticationException) return true;
            }
            return false;
        }

        private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(ApiRequest request, Uri uri, string authorization, CancellationToken cancellationToken)
        {
            Uri current = uri;
            HttpMethod method = request.Method;
            bool sendCredentials = true;
            bool sendBody = true;
            for (int hop = 0; ; hop++)
            {
                var message = new HttpRequestMessage(method, current);
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (sendCredentials && authorization.Length > 0) message.Headers.TryAddWithoutValidation("Authorization", authorization);
                if (sendBody && request.Content != null) message.Content = request.Content();

                HttpResponseMessage response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (!IsRedirect(response.StatusCode) || response.Headers.Location == null || hop >= MaxRedirects) return response;

                Uri next = new Uri(current, response.Headers.Location);
                response.Dispose();
                if (current.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps)
                {
                    throw new ExtraHopApiException(ApiFailureKind.InsecureRedirect,
                        $"{Address} redirected {request.Method} {ApiPath(uri)} from https to {next.Scheme}; the module does not follow that.",
                        Address.DisplayName, request.Method.Method, ApiPath(uri));
                }

                // Credentials belong to the appliance we connected to, never to wherever it points us.
                if (!string.Equals(next.Authority, uri.Authority, StringComparison.OrdinalIgnoreCase)) sendCredentials = false;
                ApiTrace.Write($"{method} {current.AbsolutePath} redirected to {next.GetLeftPart(UriPartial.Path)}{(sendCredentials ? string.Empty : " (without credentials: another host)")}");
                if ((int)response.StatusCode == 303 || ((int)response.StatusCode < 307 && method != HttpMethod.Get && method != HttpMethod.Head))
                {
                    method = HttpMethod.Get;
                    sendBody = false;
                }
                current = next;
            }
        }

        private ExtraHopApiException HttpFailure(ApiRequest request, string path, HttpStatusCode status, string body)
        {
            string? applianceMessage = JsonModelReader.ReadErrorMessage(body);
            string reason = applianceMessage ?? DescribeStatus(status, body);
            return new ExtraHopApiException(
                ApiFailureKind.HttpStatus,
                $"{Address}: {request.Method} {path} failed with {(int)status} ({status}): {reason}",
                Address.DisplayName, request.Method.Method, path, status, applianceMessage);
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

        private ExtraHopApiException TransportFailure(HttpRequestException ex, ApiRequest request, string path, int refusalsBefore)
        {
            if (IsTlsFailure(ex) && Settings.Tls.Refusals != refusalsBefore)
            {
                string? sha = Settings.Tls.LastRefusedSha256;
                string what = Settings.Tls.Mode == TlsMode.Pinned
                    ? $"The certificate of {Address} does not match the pinned SHA-256 fingerprint (it presented {sha})."
                    : $"The certificate of {Address} is not trusted by this computer (SHA-256 fingerprint {sha}).";
                string advice = $" If you know this is the appliance's own certificate, connect with -CertificateThumbprint '{sha}' to trust exactly that certificate, or install its issuing CA; -SkipCertificateCheck trusts any certificate and is not recommended.";
                return new ExtraHopApiException(ApiFailureKind.CertificateUntrusted, what + advice, Address.DisplayName, request.Method.Method, path, null, null, ex)
                {
                    CertificateSha256 = sha,
                };
            }

            string detail = ex.InnerException?.Message ?? ex.Message;
            return new ExtraHopApiException(
                ApiFailureKind.ConnectionFailed,
                $"Could not reach {Address} for {request.Method} {path}: {detail}",
                Address.DisplayName, request.Method.Method, path, null, null, ex);
        }

        private static string ApiPath(Uri uri)
        {
            string path = uri.PathAndQuery;
            const string prefix = "/api/v1";
            return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? path.Substring(prefix.Length) : path;
        }
    }
}
