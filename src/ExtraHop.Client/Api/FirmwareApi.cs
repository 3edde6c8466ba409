using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Firmware;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/extrahop/firmware: upload, download, upgrade, rollback.</summary>
    internal static class FirmwareApi
    {
        // A real appliance validates an uploaded image before it answers 201; give it a while.
        private static readonly TimeSpan MinimumAnswerAfterUpload = TimeSpan.FromMinutes(5);

        /// <summary>Streams the image to the appliance. Sent again (from the file) only when the appliance said it did not take it (429, 503 with Retry-After).</summary>
        public static async Task<FirmwareUpload> UploadAsync(ExtraHopSession session, FirmwareImageFile image, Action<UploadProgress>? progress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            TimeSpan answerLimit = session.Timeout > MinimumAnswerAfterUpload ? session.Timeout : MinimumAnswerAfterUpload;
            using (var watchdog = new RequestWatchdog(session.Timeout, answerLimit))
            {
                var request = new ApiRequest(HttpMethod.Post, "extrahop/firmware", () => new FirmwareUploadContent(image, watchdog, progress, cancellationToken))
                {
                    Timeout = Timeout.InfiniteTimeSpan,
                    Watchdog = watchdog,
                    SafeToRetry = false,
                };
                await session.Connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            return new FirmwareUpload { FileName = image.FileName, Bytes = image.Length, Version = image.Version, Duration = clock.Elapsed }.From(session);
        }

        /// <summary>Upgrades to the last uploaded (or downloaded) image. The official scripts send no body; a body is sent only to skip the compatibility check.</summary>
        public static Task<ExtraHopJob> StartUpgradeAsync(ExtraHopSession session, bool skipCompatibilityCheck, CancellationToken cancellationToken) =>
            StartJobAsync(session, ApiRequest.Post("extrahop/firmware/latest/upgrade", skipCompatibilityCheck ? new Dictionary<string, object> { ["force"] = true } : null), cancellationToken);

        public static Task<ExtraHopJob> DownloadFromUrlAsync(ExtraHopSession session, Uri url, bool upgrade, bool skipCompatibilityCheck, CancellationToken cancellationToken) =>
            StartJobAsync(session, ApiRequest.Post("extrahop/firmware/download/url", new Dictionary<string, object>
            {
                ["firmware_url"] = url.AbsoluteUri,
                ["upgrade"] = upgrade,
                ["force"] = skipCompatibilityCheck,
            }), cancellationToken);

        public static Task<ExtraHopJob> DownloadVersionAsync(ExtraHopSession session, string version, bool upgrade, CancellationToken cancellationToken) =>
            StartJobAsync(session, ApiRequest.Post("extrahop/firmware/download/version", new Dictionary<string, object>
            {
                ["version"] = version,
                ["upgrade"] = upgrade,
            }), cancellationToken);

        public static async Task<List<FirmwareRelease>> GetAvailableAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get("extrahop/firmware/next"), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadList<FirmwareRelease>(session.Connection, response, "extrahop/firmware/next").From(session);
        }

        public static async Task<FirmwareInfo> GetPreviousAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get("extrahop/firmware/previous"), cancellationToken).ConfigureAwait(false);
            FirmwareInfo info = ResponseReader.ReadModel<FirmwareInfo>(session.Connection, response, "extrahop/firmware/previous").From(session);
            info.Kind = FirmwareKind.Previous;
            return info;
        }

        /// <summary>The running version, read from /extrahop (VERIFIED), not the INFERRED GET /extrahop/firmware.</summary>
        public static async Task<FirmwareInfo> GetRunningAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ExtraHopSystem system = await SystemApi.ReadIdentityAsync(session.Connection, cancellationToken).ConfigureAwait(false);
            session.Version = system.Version;
            return new FirmwareInfo { Version = system.Version, Kind = FirmwareKind.Running }.From(session);
        }

        /// <summary>Rolls back to the previous image (202); like an upgrade, without a job to follow it is an error.</summary>
        public static Task<ExtraHopJob> RollbackAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            StartJobAsync(session, ApiRequest.Post("extrahop/firmware/previous/rollback"), cancellationToken);

        internal static async Task<ExtraHopJob> StartJobAsync(ExtraHopSession session, ApiRequest request, CancellationToken cancellationToken)
        {
            request.FindJobItStarted = token => JobApi.FindRunningAsync(session, token);
            ApiResponse response = await session.Connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.Location))
            {
                // Pre-8.5 firmware started upgrades without a job; 9.x always gives one. Without it there is nothing to follow.
                throw new ExtraHopApiException(ApiFailureKind.InvalidResponse,
                    $"{session.Server} accepted {request.Method} {request.Path} ({(int)response.StatusCode}) but named no job to follow; check the appliance's firmware page.",
                    session.Server, request.Method.Method, "/" + request.Path, response.StatusCode);
            }
            return JobApi.Pending(session, response.Location!);
        }
    }
}
