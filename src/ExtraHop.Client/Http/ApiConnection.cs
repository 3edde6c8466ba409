using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Auth;

namespace ExtraHop.Http
{
    /// <summary>
    /// One appliance connection: one HttpClient, its authenticator and policies. Thread-safe and free of
    /// per-request state, so a session can be used from parallel runspaces and fleet workers at once.
    /// Every call has a timeout and a cancellation token; every failure becomes an <see cref="ExtraHopApiException"/>
    /// that says how many attempts were made and whether the appliance may have acted on the request.
    /// A request is sent again only by this class, and only when that cannot do the work twice: calls safe to
    /// repeat after passing failures, calls that change something only when the failure shows they were not acted
    /// on, or (for a call that starts a job and got no answer) when the appliance shows no job it started.
    /// </summary>
    internal sealed class ApiConnection : IDisposable
    {
        private const int DownloadChunkSize = 128 * 1024;
        private static readonly TimeSpan DownloadReportInterval = TimeSpan.FromMilliseconds(200);
        private readonly HttpClient http;
        private readonly RequestSender sender;

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
            sender = new RequestSender(http, address);
            Authenticator = createAuthenticator(sender.SendAsync);
        }

        public ServerAddress Address { get; }
        public ConnectionSettings Settings { get; }
        public IAuthenticator Authenticator { get; }

        public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            Uri uri = Resolve(request.Path);
            string path = ApiPath(uri);
            bool safeToRepeat = request.SafeToRetry ?? RetryPolicy.IsIdempotent(request.Method);
            bool reauthenticated = false;
            for (int attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                request.Watchdog?.Restart();
                Attempt outcome = await AttemptAsync(request, uri, path, safeToRepeat, cancellationToken).ConfigureAwait(false);
                if (outcome.Response != null) return outcome.Response;

                ExtraHopApiException failure = outcome.Failure!;
                if (outcome.Authorization != null && RequestFailures.RejectsCredential(failure) && !reauthenticated && Authenticator.Invalidate(outcome.Authorization))
                {
                    // A token can expire between our check and the appliance's: fetch a new one and try once more.
                    reauthenticated = true;
                    attempt--;
                    continue;
                }

                failure.Attempts = attempt;
                bool noJobStarted = false;
                if (failure.Delivery == RequestDelivery.Unanswered && !safeToRepeat && request.FindJobItStarted != null)
                {
                    (string? job, bool noneFound) = await FindJobItStartedAsync(request.FindJobItStarted, failure, cancellationToken).ConfigureAwait(false);
                    if (job != null) return new ApiResponse(System.Net.HttpStatusCode.Accepted, job, string.Empty);
                    noJobStarted = noneFound;
                }

                if (!MayRetry(request, safeToRepeat, failure, noJobStarted, attempt))
                {
                    if (failure.Delivery == RequestDelivery.Unanswered && !safeToRepeat && failure.Afterword == null)
                    {
                        failure.Afterword = noJobStarted
                            ? "The appliance shows no job started by it; it was not sent again."
                            : "The appliance may have received it and acted on it; it was not sent again, so check the appliance before you repeat it.";
                    }
                    throw failure;
                }

                TimeSpan delay = Settings.Retry.DelayFor(attempt - 1, failure.RetryAfter);
                // The failure's message already names the appliance and the request.
                ApiTrace.Write($"{failure.Message}; retry {attempt} of {Settings.Retry.MaxRetries} in {delay.TotalSeconds:0.0} s");
                request.Watchdog?.Pause();
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

        private bool MayRetry(ApiRequest request, bool safeToRepeat, ExtraHopApiException failure, bool noJobStarted, int attempt)
        {
            if (!request.RetryTransientFailures || attempt > Settings.Retry.MaxRetries) return false;
            if (request.FailFastWhenUnreachable && failure.Kind == ApiFailureKind.ConnectionFailed && failure.Delivery == RequestDelivery.NotSent) return false;
            return RetryPolicy.MayResend(safeToRepeat || noJobStarted, failure);
        }

        /// <summary>One try: the credential, then the request with its redirects, within the request's time limit.</summary>
        private async Task<Attempt> AttemptAsync(ApiRequest request, Uri uri, string path, bool safeToRepeat, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.Watchdog?.Token ?? CancellationToken.None))
            {
                TimeSpan limit = request.Timeout ?? Settings.Timeout;
                if (limit != Timeout.InfiniteTimeSpan) timeout.CancelAfter(limit);
                int refusalsBefore = Settings.Tls.Refusals;
                string authorization;
                try
                {
                    authorization = await Authenticator.GetAuthorizationAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ExtraHopApiException || ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    return Attempt.Failed(TokenFailure(ex, request, path, limit, refusalsBefore), null);
                }

                try
                {
                    long? resumeFrom = request.ResumeDownload && request.Download != null && request.Download.Length > 0 ? request.Download.Length : (long?)null;
                    using (HttpResponseMessage response = await sender.SendFollowingRedirectsAsync(request, uri, path, authorization, safeToRepeat, timeout.Token, resumeFrom).ConfigureAwait(false))
                    {
                        string? contentType = response.Content?.Headers.ContentType?.MediaType;
                        if (response.IsSuccessStatusCode && request.Download != null && response.Content != null)
                        {
                            await DownloadAsync(response, request, resumeFrom, path, timeout.Token).ConfigureAwait(false);
                            Trace($"{request.Method} {path} -> {(int)response.StatusCode} {response.StatusCode}, {request.Download.Length} bytes saved ({clock.ElapsedMilliseconds} ms)");
                            return Attempt.Succeeded(new ApiResponse(response.StatusCode, response.Headers.Location?.OriginalString, string.Empty, contentType) { Headers = HeadersOf(response) });
                        }

                        string body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        if (ApiTrace.IsOn) Trace($"{request.Method} {path} -> {(int)response.StatusCode} {response.StatusCode} ({clock.ElapsedMilliseconds} ms)");
                        if (response.IsSuccessStatusCode) return Attempt.Succeeded(new ApiResponse(response.StatusCode, response.Headers.Location?.OriginalString, body, contentType));
                        return Attempt.Failed(RequestFailures.FromAnswer(Address.DisplayName, request.Method.Method, path, response, body), authorization);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    string what = request.Watchdog?.Reason ?? $"did not answer within {limit.TotalSeconds:0.#} seconds";
                    return Attempt.Failed(RequestFailures.Timeout(Address.DisplayName, request.Method.Method, path, what), authorization);
                }
                catch (Exception ex) when (RequestFailures.IsTransport(ex))
                {
                    return Attempt.Failed(RequestFailures.FromTransport(ex, Address.DisplayName, request.Method.Method, path, Settings.Tls, refusalsBefore), authorization);
                }
            }
        }

        /// <summary>
        /// A failure to get the credential is reported as the token request it is (not as the API call that needed
        /// it), and that call was not sent, so it may be tried again whatever it is.
        /// </summary>
        private ExtraHopApiException TokenFailure(Exception ex, ApiRequest request, string path, TimeSpan limit, int refusalsBefore)
        {
            (string method, string tokenPath) = Authenticator.TokenRequest ?? (request.Method.Method, path);
            string forWhat = $"(the access token for {request.Method} {path})";
            ExtraHopApiException failure = ex switch
            {
                ExtraHopApiException answered => answered,
                HttpRequestException transport => RequestFailures.FromTransport(transport, Address.DisplayName, method, $"{tokenPath} {forWhat}", Settings.Tls, refusalsBefore),
                _ => RequestFailures.Timeout(Address.DisplayName, method, $"{tokenPath} {forWhat}", $"did not answer within {limit.TotalSeconds:0.#} seconds"),
            };
            failure.Delivery = RequestDelivery.NotSent;
            return failure;
        }

        /// <summary>The job an unanswered request started, or whether the appliance shows that it started none.</summary>
        private static async Task<(string? Job, bool NoneFound)> FindJobItStartedAsync(Func<CancellationToken, Task<string?>> find, ExtraHopApiException failure, CancellationToken cancellationToken)
        {
            try
            {
                string? job = await find(cancellationToken).ConfigureAwait(false);
                if (job != null) ApiTrace.Write($"{failure.Server}: {failure.Method} {failure.Path} got no answer, but it started {job}; following that job instead of sending it again");
                return (job, job == null);
            }
            catch (ExtraHopApiException lookup)
            {
                failure.Afterword = $"It may have started a job, which could not be looked for ({lookup.Message}); it was not sent again, so check the appliance's jobs before you repeat it.";
                return (null, false);
            }
        }

        /// <summary>
        /// Copies a body to its destination. A body cut off on the way is a transport failure like any other (a GET is
        /// then retried, and a resumable download asks only for what it lacks); a failure to write (a full disk) is the
        /// caller's IOException, never retried. A 206 answer to a resumed request adds to the bytes already held; any
        /// other answer replaces them, so a server that ignores Range still leaves a whole, correct file.
        /// </summary>
        private async Task DownloadAsync(HttpResponseMessage response, ApiRequest request, long? resumeFrom, string path, CancellationToken cancellationToken)
        {
            System.IO.Stream destination = request.Download!;
            HttpContent content = response.Content!;
            long start = 0;
            if (resumeFrom.HasValue && response.StatusCode == System.Net.HttpStatusCode.PartialContent)
            {
                long? from = content.Headers.ContentRange?.From;
                if (from.HasValue && from.Value != resumeFrom.Value)
                {
                    throw new ExtraHopApiException(ApiFailureKind.InvalidResponse,
                        $"{Address}: {request.Method} {path} was asked for the bytes from {resumeFrom.Value} on and answered with those from {from.Value}.",
                        Address.DisplayName, request.Method.Method, path, response.StatusCode);
                }
                start = resumeFrom.Value;
                Trace($"{request.Method} {path}: resuming after the {start} bytes already saved");
            }
            if (destination.CanSeek)
            {
                destination.SetLength(start);
                destination.Position = start;
            }

            long? total = content.Headers.ContentLength + start;
            long written = start;
            var sinceReport = Stopwatch.StartNew();
            var counted = new DownloadDestination(destination, count =>
            {
                written += count;
                request.Watchdog?.Touch();
                if (request.DownloadProgress != null && sinceReport.Elapsed >= DownloadReportInterval)
                {
                    sinceReport.Restart();
                    request.DownloadProgress(written, total);
                }
            });
            using (System.IO.Stream body = await content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                request.DownloadProgress?.Invoke(written, total);
                try
                {
                    await body.CopyToAsync(counted, DownloadChunkSize, cancellationToken).ConfigureAwait(false);
                }
                catch (System.IO.IOException ex) when (counted.WriteFailure == null)
                {
                    throw new HttpRequestException("the answer was cut off: " + ex.Message, ex);
                }
            }
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (total.HasValue && written < total.Value)
            {
                // The connection ended cleanly but early (a proxy or server that gave up): as much a cut as a reset.
                throw new HttpRequestException($"the answer was cut off after {written} of {total.Value} bytes");
            }
            request.DownloadProgress?.Invoke(written, total);
        }

        private static IReadOnlyDictionary<string, string> HeadersOf(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers) headers[header.Key] = string.Join(", ", header.Value);
            if (response.Content != null)
            {
                foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers) headers[header.Key] = string.Join(", ", header.Value);
            }
            return headers;
        }

        /// <summary>
        /// A verbose line about this appliance, named as errors name it and with the path in the errors' form (below
        /// /api/v1), so lines from a fleet tell the appliances apart and match the errors they lead to.
        /// </summary>
        private void Trace(string line) => ApiTrace.Write($"{Address}: {line}");

        private static string ApiPath(Uri uri)
        {
            string path = uri.PathAndQuery;
            const string prefix = "/api/v1";
            return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? path.Substring(prefix.Length) : path;
        }

        private sealed class Attempt
        {
            private Attempt(ApiResponse? response, ExtraHopApiException? failure, string? authorization)
            {
                Response = response;
                Failure = failure;
                Authorization = authorization;
            }

            public ApiResponse? Response { get; }
            public ExtraHopApiException? Failure { get; }
            /// <summary>The credential the failed attempt was sent with, so only that one is given up after a rejection.</summary>
            public string? Authorization { get; }

            public static Attempt Succeeded(ApiResponse response) => new Attempt(response, null, null);

            public static Attempt Failed(ExtraHopApiException failure, string? authorization) => new Attempt(null, failure, authorization);
        }
    }
}
