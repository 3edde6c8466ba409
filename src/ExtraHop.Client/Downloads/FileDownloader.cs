using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Downloads
{
    /// <summary>
    /// Streams an answer's body into a <see cref="DownloadFile"/>: chunk by chunk to disk (never the whole body in
    /// memory), without the session's fixed timeout (a 1 GiB pack may rightly take long) but ended by a watchdog when
    /// no byte arrives for that long, renamed to the final name only when complete.
    /// </summary>
    internal static class FileDownloader
    {
        /// <param name="request">The request, without its download settings; this sets them.</param>
        /// <param name="resumable">
        /// True when the same request always answers the same bytes (a stored file), so a partial file may be
        /// completed with an HTTP Range request; false for answers made anew each time (a packet search), which
        /// always start over.
        /// </param>
        /// <param name="firstByteWait">How long the appliance may take before the first byte (a search runs first).</param>
        /// <param name="keepEmpty">Whether a 204 (nothing to send) still leaves an empty file under the final name.</param>
        public static async Task<ApiResponse> SaveAsync(
            ExtraHopSession session, ApiRequest request, DownloadFile file, bool resumable, TimeSpan firstByteWait, bool keepEmpty,
            Action<long, long?>? progress, CancellationToken cancellationToken)
        {
            TimeSpan idle = session.Timeout > firstByteWait ? session.Timeout : firstByteWait;
            using (var watchdog = new RequestWatchdog(idle, idle, "download"))
            {
                request.Download = file.Stream;
                request.ResumeDownload = resumable;
                request.DownloadProgress = progress;
                request.Timeout = Timeout.InfiniteTimeSpan;
                request.Watchdog = watchdog;
                if (!resumable) file.Restart();
                try
                {
                    ApiResponse response = await SendAsync(session, request, file, cancellationToken).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.NoContent && !keepEmpty)
                    {
                        file.Abandon(keep: false);
                    }
                    else
                    {
                        file.Complete();
                    }
                    return response;
                }
                catch (ExtraHopApiException ex)
                {
                    long saved = file.Stream.Length;
                    bool resumeLater = resumable && saved > 0 && ex.Kind != ApiFailureKind.HttpStatus;
                    file.Abandon(keep: resumeLater);
                    if (resumeLater) throw new DownloadInterruptedException(file.PartialPath, saved, ex);
                    throw;
                }
            }
        }

        /// <summary>
        /// A partial file longer than the whole answer (another file that had the same name) gets 416 for its Range
        /// request; the download then starts over, once.
        /// </summary>
        private static async Task<ApiResponse> SendAsync(ExtraHopSession session, ApiRequest request, DownloadFile file, CancellationToken cancellationToken)
        {
            try
            {
                return await session.Connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex) when (request.ResumeDownload && (int?)ex.StatusCode == 416)
            {
                ApiTrace.Write($"{session.Server}: the partial file '{file.PartialPath}' does not fit the answer; downloading it anew");
                file.Restart();
                return await session.Connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
