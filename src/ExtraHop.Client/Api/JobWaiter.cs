using System;
using System.Diagnostics;
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
    /// appliance was ever unavailable, is a real error and ends the wait at once. A certificate failure after it
    /// was unavailable means the appliance is back with a new certificate (appliances may regenerate theirs while
    /// upgrading): that ends the wait too, telling the new fingerprint and how to trust it, unless the caller
    /// accepts new certificates, in which case the session is re-pinned to it (with a warning) and the wait goes
    /// on. Unlike ExtraHop's example scripts, the wait always ends: at a final status, or at the deadline.
    /// </summary>
    internal static class JobWaiter
    {
        private static readonly TimeSpan LongestSinglePoll = TimeSpan.FromSeconds(30);

        public static async Task<ExtraHopJob> WaitAsync(
            ExtraHopJob job,
            TimeSpan timeout,
            TimeSpan pollInterval,
            Action<JobWaitUpdate>? progress,
            CancellationToken cancellationToken,
            NewCertificatePolicy? newCertificate = null)
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
                catch (ExtraHopApiException ex) when (ex.Kind == ApiFailureKind.CertificateUntrusted && applianceWasUnavailable)
                {
                    // Back from the restart, but with another certificate: never mistaken for "still restarting".
                    if (newCertificate?.Accept != true || ex.CertificateSha256 == null || ex.CertificateSha256 == session.CertificateSha256)
                    {
                        throw CertificateChanged(session, job, ex);
                    }
                    string? before = session.CertificateSha256;
                    session.TrustOnly(ex.CertificateSha256);
                    newCertificate.Warn?.Invoke($"{session.Server} came back from its restart with a new certificate; as -AcceptNewCertificate allows, its session now trusts only that one (SHA-256 {ex.CertificateSha256}){(before == null ? string.Empty : " instead of " + before)}.");
                    continue;
                }
                catch (ExtraHopApiException ex) when (RebootSymptoms.IsRebooting(ex, notFoundMeansRestarted: applianceWasUnavailable || jobWasSeen))
                {
                    applianceWasUnavailable = true;
                    serverAskedToWait = ex.RetryAfter;
                    progress?.Invoke(new JobWaitUpdate(lastSeen, RebootSymptoms.Describe(ex), clock.Elapsed));
                }

                TimeSpan delay = serverAskedToWait.HasValue && serverAskedToWait > pollInterval ? serverAskedToWait.Value : pollInterval;
                remaining = timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero) throw new JobWaitTimeoutException(session.Server, job.Id, timeout, lastSeen);
                await Task.Delay(Min(delay, remaining), cancellationToken).ConfigureAwait(false);
            }
        }

        private static ExtraHopApiException CertificateChanged(ExtraHopSession session, ExtraHopJob job, ExtraHopApiException refused)
        {
            string sha = refused.CertificateSha256 ?? "unknown";
            string message = $"{session.Server} came back from its restart with a certificate this session does not trust (SHA-256 {sha}); "
                + $"appliances may regenerate their certificate while upgrading. The wait for job {job.Id} stopped there, though the job itself may well have finished. "
                + $"If that is the appliance's new certificate, trust it: Connect-ExtraHop -Server '{session.Server}' -ApiKey <key> -CertificateThumbprint '{sha}', "
                + $"then Wait-EHJob -Id '{job.Id}' -Session '{session.Server}'. Unattended runs that expect this can add -AcceptNewCertificate.";
            return new ExtraHopApiException(ApiFailureKind.CertificateUntrusted, message, refused.Server, refused.Method, refused.Path, null, null, refused)
            {
                CertificateSha256 = refused.CertificateSha256,
            };
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
