using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>
    /// POST /extrahop/restart and /extrahop/shutdown (202, no job: the guide names only firmware upgrades and the TLS
    /// certificate as creating jobs), and following a restart until the appliance answers again.
    /// </summary>
    internal static class ApplianceRestartApi
    {
        private static readonly TimeSpan LongestSinglePoll = TimeSpan.FromSeconds(30);

        /// <summary>Sent once: a restart request is never repeated on the module's own.</summary>
        public static Task RestartAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            session.Connection.SendAsync(new ApiRequest(System.Net.Http.HttpMethod.Post, "extrahop/restart") { SafeToRetry = false }, cancellationToken);

        public static Task ShutdownAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            session.Connection.SendAsync(new ApiRequest(System.Net.Http.HttpMethod.Post, "extrahop/shutdown") { SafeToRetry = false }, cancellationToken);

        /// <summary>
        /// After a restart request: waits until the appliance has been seen unavailable (it may answer for a moment
        /// before it goes down) and then answers GET /extrahop again, within <paramref name="timeout"/>, and checks
        /// it runs <paramref name="versionBefore"/> still. The symptoms of a reboot are the ones a job's wait knows
        /// (<see cref="RebootSymptoms"/>); anything else (a refused key, an untrusted certificate) ends the wait.
        /// </summary>
        public static async Task<ExtraHopSystem> WaitUntilBackAsync(
            ExtraHopSession session,
            string? versionBefore,
            TimeSpan timeout,
            TimeSpan pollInterval,
            Action<string>? progress,
            CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            bool wentDown = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TimeSpan remaining = timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero) throw ApplianceRestartException.TimedOut(session.Server, timeout, wentDown);

                TimeSpan delay = pollInterval;
                try
                {
                    TimeSpan pollLimit = Min(session.Timeout, Min(LongestSinglePoll, remaining));
                    ExtraHopSystem system = await SystemApi.PollIdentityAsync(session.Connection, pollLimit, cancellationToken).ConfigureAwait(false);
                    if (wentDown)
                    {
                        system.From(session);
                        if (versionBefore != null && !string.Equals(system.Version, versionBefore, StringComparison.OrdinalIgnoreCase))
                        {
                            throw ApplianceRestartException.VersionChanged(session.Server, versionBefore, system.Version);
                        }
                        session.Version = system.Version;
                        return system;
                    }
                    progress?.Invoke("restart requested; the appliance still answers");
                }
                catch (ExtraHopApiException ex) when (RebootSymptoms.IsRebooting(ex, notFoundMeansRestarted: false))
                {
                    wentDown = true;
                    if (ex.RetryAfter.HasValue && ex.RetryAfter.Value > delay) delay = ex.RetryAfter.Value;
                    progress?.Invoke(RebootSymptoms.Describe(ex));
                }

                remaining = timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero) throw ApplianceRestartException.TimedOut(session.Server, timeout, wentDown);
                await Task.Delay(Min(delay, remaining), cancellationToken).ConfigureAwait(false);
            }
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }

    /// <summary>How a followed restart went wrong.</summary>
    public enum ApplianceRestartFailure
    {
        /// <summary>The appliance did not go down and come back within the time limit.</summary>
        TimedOut,
        /// <summary>It came back running another firmware version than before the restart.</summary>
        VersionChanged,
    }

    /// <summary>A restart that was requested but did not end as it should; the restart itself was sent.</summary>
    public sealed class ApplianceRestartException : Exception
    {
        private ApplianceRestartException(ApplianceRestartFailure failure, string server, string message)
            : base(message)
        {
            Failure = failure;
            Server = server;
        }

        public ApplianceRestartFailure Failure { get; }
        public string Server { get; }

        internal static ApplianceRestartException TimedOut(string server, TimeSpan waited, bool wentDown) =>
            new ApplianceRestartException(ApplianceRestartFailure.TimedOut, server, wentDown
                ? $"{server} went down for its restart but did not answer again within {waited.TotalSeconds:0} seconds. It may still be booting; check it with Get-EHSystem -Session '{server}', or at its console."
                : $"{server} accepted the restart but was not seen going down within {waited.TotalSeconds:0} seconds; it may not have restarted.");

        internal static ApplianceRestartException VersionChanged(string server, string before, string? after) =>
            new ApplianceRestartException(ApplianceRestartFailure.VersionChanged, server,
                $"{server} came back from its restart running firmware {after ?? "unknown"}, not {before} as before it; an upgrade may have been pending. Check Get-EHFirmware -Session '{server}'.");
    }
}
