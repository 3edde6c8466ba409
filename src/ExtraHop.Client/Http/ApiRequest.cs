using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Http
{
    /// <summary>One call to make: method, a path below /api/v1 (or a server-relative path such as a job's Location), and an optional body.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string path, Func<HttpContent>? content = null)
        {
            Method = method;
            Path = path;
            Content = content;
        }

        public HttpMethod Method { get; }
        public string Path { get; }

        /// <summary>Makes the body anew for each attempt, so a retried or re-authenticated request can send it again.</summary>
        public Func<HttpContent>? Content { get; }

        /// <summary>Overrides the method's idempotency (for example a PATCH that sets a value is safe to repeat).</summary>
        public bool? SafeToRetry { get; set; }

        /// <summary>Replaces the session's timeout; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for uploads that police their own stalls.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>Ends the request when it stops making progress; used with an infinite <see cref="Timeout"/>.</summary>
        public RequestWatchdog? Watchdog { get; set; }

        /// <summary>
        /// Where a successful answer's body goes, byte for byte, instead of being read as text (binary downloads). It is
        /// emptied before each attempt, so a retried download does not append to a partial one.
        /// </summary>
        public System.IO.Stream? Download { get; set; }

        /// <summary>
        /// For a <see cref="Download"/> into a stream that may already hold the start of the body (a partial file, or
        /// an attempt cut off on the way): each attempt asks only for the bytes after those it holds (an HTTP Range
        /// request). An answer of 206 appends them; a 200 (a server that ignores Range) replaces them with the whole body.
        /// </summary>
        public bool ResumeDownload { get; set; }

        /// <summary>Told the bytes of a <see cref="Download"/> written so far and the whole body's size when known, as they arrive.</summary>
        public Action<long, long?>? DownloadProgress { get; set; }

        /// <summary>False for a probe that must fail fast (a job poll during a reboot): the caller does its own waiting.</summary>
        public bool RetryTransientFailures { get; set; } = true;

        /// <summary>
        /// True for the first call of a new session: a host that refuses the connection or whose name does not
        /// resolve is reported at once, not retried, since it is far likelier a typo than a reboot.
        /// </summary>
        public bool FailFastWhenUnreachable { get; set; }

        /// <summary>
        /// For a request that starts a job: after it was sent and no answer came, finds the job it may have started
        /// (its location), or null when the appliance shows none. The connection follows that job instead of sending
        /// the request again, and resends only when none is found.
        /// </summary>
        public Func<CancellationToken, Task<string?>>? FindJobItStarted { get; set; }

        public static ApiRequest Get(string path) => new ApiRequest(HttpMethod.Get, path);

        public static ApiRequest Post(string path, object? json = null) =>
            new ApiRequest(HttpMethod.Post, path, json == null ? null : () => Json.JsonBody.Create(json));

        public static ApiRequest Patch(string path, object json) =>
            new ApiRequest(new HttpMethod("PATCH"), path, () => Json.JsonBody.Create(json));
    }
}
