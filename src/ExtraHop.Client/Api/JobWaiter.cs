using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>What the waiter knows at each poll, for progress display.</summary>
    internal sealed class JobWaitUpdate
    {
        internal JobWaitUpdate(ExtraHopJob? job, string? unavailableReason, TimeSpan elapsed)
        {
            Job = job;
            UnavailableReason = unavailableReason;
            Elapsed = elapsed;
        }

        /// <summary>The last job state the appliance reported.</summary>
        public ExtraHopJob? Job { get; }
        /// <summary>Why the appliance could not be asked just now (restarting, booting), or null when it answered.</summary>
        public string? UnavailableReason { get; }
        public TimeSpan Elapsed { get; }
    }

    /// <summary>
    /// Follows a job to its end through the appliance's reboot. While the appliance restarts it refuses
    /// connections, may fail TLS, answers 502/503 (often with an HTML page), and right after boot may not know
    /// the job for a moment (404): within the time limit these mean "keep waiting", not "failed". A 404 for a job
    /// this wait has already seen means the appliance restarted (jobs do not otherwise vanish), even when no poll
    /// happened to land in the outage itself. A 404 for a job never seen, or a certificate failure before the
    /// appliance was ever unavailable, is a real error and ends the wait at once. Unlike ExtraHop's example
    /// scripts, the wait always ends: at a final status, or at the deadline.
    /// </summary>
    internal static class JobWaiter
    {
        private static readonly TimeSpan LongestSinglePoll = TimeSpan.FromSeconds(30);

        public static async Task<ExtraHopJob> WaitAsync(
            ExtraHopJob job,
            TimeSpan timeout,
            TimeSpan pollInterval,
            Action<JobWaitUpdate>? progress,
            CancellationToken cancellationToken)
        {
            ExtraHopSession session = job.Session ?? throw new ArgumentException("The job has no session.", nameof(job));
            var clock = Stopwatch.StartNew();
            ExtraHopJob? lastSeen = job.Status == "PENDING" ? null : job;
            bool applianceWasUnavailable = false;
            bool jobWasSeen = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TimeSpan remaining = timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero) throw new JobWaitTimeoutException(session.Server, job.Id, timeout, lastSeen);

                TimeSpan? serverAskedToWait = null;
                try
                {
                    TimeSpan pollLimit = Min(session.Timeout, Min(LongestSinglePoll, remaining));
                    ExtraHopJob current = await JobApi.PollAsync(session, job.Location, pollLimit, cancellationToken).ConfigureAwait(false);
                    lastSeen = current;
                    jobWasSeen = true;
                    progress?.Invoke(new JobWaitUpdate(current, null, clock.Elapsed));
                    if (current.IsFinished) return current;
                }
                catch (ExtraHopApiException ex) when (IsRebootSymptom(ex, applianceWasUnavailable, jobWasSeen))
                {
                    applianceWasUnavailable = true;
                    serverAskedToWait = ex.RetryAfter;
                    progress?.Invoke(new JobWaitUpdate(lastSeen, Describe(ex), clock.Elapsed));
                }

                TimeSpan delay = serverAskedToWait.HasValue && serverAskedToWait > pollInterval ? serverAskedToWait.Value : pollInterval;
                remaining = timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero) throw new JobWaitTimeoutException(session.Server, job.Id, timeout, lastSeen);
                await Task.Delay(Min(delay, remaining), cancellationToken).ConfigureAwait(false);
            }
        }

        private static bool IsRebootSymptom(ExtraHopApiException ex, bool applianceWasUnavailable, bool jobWasSeen)
        {
            switch (ex.Kind)
            {
                case ApiFailureKind.ConnectionFailed:
                case ApiFailureKind.Timeout:
                    return true;
                case ApiFailureKind.InvalidResponse:
                    // A booting web server can answer 200 with a placeholder page.
                    return true;
                case ApiFailureKind.CertificateUntrusted:
                    // While booting an appliance may briefly present another certificate; at the first poll it is a real problem.
                    return applianceWasUnavailable;
                case ApiFailureKind.HttpStatus:
                    int status = (int)ex.StatusCode!.Value;
                    if (status == 429 || status == 502 || status == 503 || status == 504) return true;
                    return status == (int)HttpStatusCode.NotFound && (applianceWasUnavailable || jobWasSeen);
                default:
                    return false;
            }
        }

        private static string Describe(ExtraHopApiException ex)
        {
            switch (ex.Kind)
            {
                case ApiFailureKind.ConnectionFailed: return "appliance unreachable (restarting)";
                case ApiFailureKind.Timeout: return "appliance not answering";
                case ApiFailureKind.CertificateUntrusted: return "appliance presenting another certificate while it starts";
                case ApiFailureKind.InvalidResponse: return "appliance starting up";
            }
            int status = (int)ex.StatusCode!.Value;
            if (status == 429) return "appliance asked to slow down";
            if (status == 404) return "appliance restarted; job not yet known again";
            return "appliance starting up (" + status + ")";
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
