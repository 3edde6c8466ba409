using System;
using System.Globalization;
using System.Net;
using System.Net.Http;

namespace ExtraHop
{
    /// <summary>
    /// How often and how patiently a request that is safe to repeat is tried again after a transient failure.
    /// Delays grow (base, 2x base, 4x base ... up to <see cref="MaxDelay"/>, with jitter) and a server's
    /// Retry-After wins when it asks for longer.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private static readonly TimeSpan RetryAfterCeiling = TimeSpan.FromMinutes(5);

        public RetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan? maxDelay = null)
        {
            if (maxRetries < 0) throw new ArgumentOutOfRangeException(nameof(maxRetries), "The retry count cannot be negative.");
            if (baseDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(baseDelay), "The retry interval cannot be negative.");
            MaxRetries = maxRetries;
            BaseDelay = baseDelay;
            MaxDelay = maxDelay ?? TimeSpan.FromSeconds(30);
        }

        public static RetryPolicy Default { get; } = new RetryPolicy(3, TimeSpan.FromSeconds(1));

        public int MaxRetries { get; }
        public TimeSpan BaseDelay { get; }
        public TimeSpan MaxDelay { get; }

        /// <summary>408, 429, 502, 503 and 504 say "not now", not "never".</summary>
        public static bool IsTransientStatus(int status) => status == 408 || status == 429 || status == 502 || status == 503 || status == 504;

        /// <summary>GET, HEAD, PUT, DELETE and OPTIONS may be sent twice without doing the work twice.</summary>
        public static bool IsIdempotent(HttpMethod method) =>
            method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options;

        /// <summary>
        /// Whether a failed request may be sent again. One that is safe to repeat may, after any passing failure. One
        /// that changes something only when the failure shows it was not acted on: it never left, or the appliance
        /// answered "not now" (429, or 503 with Retry-After). After an unanswered send, the caller decides (see
        /// <see cref="Http.ApiRequest.FindJobItStarted"/>).
        /// </summary>
        public static bool MayResend(bool safeToRepeat, ExtraHopApiException failure) =>
            failure.IsTransient && (safeToRepeat || WasNotActedOn(failure));

        public static bool WasNotActedOn(ExtraHopApiException failure) =>
            failure.Delivery == RequestDelivery.NotSent
            || failure.StatusCode == (HttpStatusCode)429
            || (failure.StatusCode == HttpStatusCode.ServiceUnavailable && failure.RetryAfter.HasValue);

        /// <param name="attempt">0 for the first retry.</param>
        /// <param name="retryAfter">What the server asked for, if anything.</param>
        public TimeSpan DelayFor(int attempt, TimeSpan? retryAfter)
        {
            double exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
            double capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
            // Jitter (+/-20%) keeps a fleet of clients from retrying against a rebooted appliance in lockstep.
            double jittered = capped * (0.8 + 0.4 * ThreadSafeRandom.NextDouble());
            TimeSpan delay = TimeSpan.FromMilliseconds(jittered);
            if (retryAfter.HasValue)
            {
                TimeSpan asked = retryAfter.Value < RetryAfterCeiling ? retryAfter.Value : RetryAfterCeiling;
                if (asked > delay) delay = asked;
            }
            return delay;
        }

        /// <summary>Retry-After is either a number of seconds or an HTTP date.</summary>
        public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            string text = value!.Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when))
            {
                TimeSpan wait = when - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }

        private static class ThreadSafeRandom
        {
            [ThreadStatic] private static Random? random;

            public static double NextDouble() => (random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
        }
    }
}
