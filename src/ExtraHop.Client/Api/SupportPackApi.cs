using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Downloads;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>
    /// /supportpacks: list the pack files, run the default pack or an uploaded one (each a queued run followed at
    /// /supportpacks/queue/{id}), and download a file by name.
    /// </summary>
    internal static class SupportPackApi
    {
        private const string ListPath = "supportpacks";
        private const string QueuePath = "/api/v1/supportpacks/queue/";

        /// <summary>
        /// Fields of a queue entry that may name the file a run produced (INFERRED: the guide names the operation
        /// only). When none does, the newest pack listed after the run started is taken.
        /// </summary>
        private static readonly string[] ProducedFileFields = { "filename", "file_name", "file", "output" };

        public static async Task<List<ExtraHopSupportPack>> ListAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(ListPath), cancellationToken).ConfigureAwait(false);
            List<ExtraHopSupportPack> packs = ResponseReader.ReadList<ExtraHopSupportPack>(session.Connection, response, ListPath).From(session);
            foreach (ExtraHopSupportPack pack in packs) FillFromOtherNames(pack);
            return packs;
        }

        /// <summary>The pack of that file name; a name the appliance does not list is NotFound.</summary>
        public static async Task<ExtraHopSupportPack> GetAsync(ExtraHopSession session, string fileName, CancellationToken cancellationToken)
        {
            foreach (ExtraHopSupportPack pack in await ListAsync(session, cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(pack.FileName, fileName, StringComparison.Ordinal)) return pack;
            }
            throw new ExtraHopApiException(ApiFailureKind.HttpStatus, $"{session.Server} has no support pack named '{fileName}'.", session.Server, "GET", "/" + ListPath, HttpStatusCode.NotFound);
        }

        /// <summary>POST /supportpacks/execute: starts the default pack; its 202 names the queue entry to follow.</summary>
        public static async Task<ExtraHopJob> StartDefaultAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Post("supportpacks/execute"), cancellationToken).ConfigureAwait(false);
            return Queued(session, response, "supportpacks/execute");
        }

        /// <summary>
        /// POST /supportpacks: uploads a pack file and runs it (9.9 guide). The body is the file's bytes, streamed;
        /// its content type is UNKNOWN in the reference, application/octet-stream is the INFERRED choice. A 9.0
        /// appliance is refused before anything is sent; a later one that answers 404 is explained as older firmware.
        /// </summary>
        public static async Task<ExtraHopJob> StartUploadedAsync(ExtraHopSession session, string packPath, CancellationToken cancellationToken)
        {
            FirmwareFeature.SupportPackUpload.RefuseOnGuideThatLacksIt(session, "POST", "/" + ListPath);
            var request = new ApiRequest(HttpMethod.Post, ListPath, () => FileBody(packPath)) { SafeToRetry = false };
            try
            {
                ApiResponse response = await session.Connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
                return Queued(session, response, ListPath);
            }
            catch (ExtraHopApiException ex)
            {
                throw FirmwareFeature.SupportPackUpload.Explain(session, ex);
            }
        }

        /// <summary>
        /// Follows a run to its end with the job waiter (the queue entry is read as a job: status, step_number,
        /// total_steps, step_description, INFERRED to match /jobs; DONE, FAILED and TIMEOUT end it), then returns the
        /// pack file it produced.
        /// </summary>
        /// <exception cref="SupportPackFailedException">The run ended FAILED or TIMEOUT.</exception>
        public static async Task<ExtraHopSupportPack> WaitForFileAsync(ExtraHopJob run, DateTimeOffset startedAt, TimeSpan timeout, TimeSpan pollInterval, Action<JobWaitUpdate>? progress, CancellationToken cancellationToken)
        {
            ExtraHopSession session = run.Session!;
            ExtraHopJob final = await JobWaiter.WaitAsync(run, timeout, pollInterval, progress, cancellationToken).ConfigureAwait(false);
            if (!final.Succeeded) throw new SupportPackFailedException(final);

            List<ExtraHopSupportPack> packs = await ListAsync(session, cancellationToken).ConfigureAwait(false);
            string? named = ProducedFileName(final);
            ExtraHopSupportPack? produced = null;
            foreach (ExtraHopSupportPack pack in packs)
            {
                if (named != null)
                {
                    if (string.Equals(pack.FileName, named, StringComparison.Ordinal)) return pack;
                }
                else if ((pack.Created ?? DateTimeOffset.MinValue) >= startedAt.AddMinutes(-1) && (produced == null || pack.Created > produced.Created))
                {
                    // The appliance's clock may differ from ours a little: a minute of slack.
                    produced = pack;
                }
            }
            if (produced != null) return produced;
            if (named != null) return new ExtraHopSupportPack { FileName = named }.From(session);
            throw new ExtraHopApiException(ApiFailureKind.InvalidResponse,
                $"{session.Server}: support pack run {run.Id} finished, but it names no file and /supportpacks lists none made since it started.",
                session.Server, "GET", final.Location);
        }

        /// <summary>
        /// Downloads a pack to <paramref name="file"/>. A partial file from an earlier attempt is completed with an HTTP
        /// Range request; the simulator honours Range (206), and an appliance that ignores it answers 200 with the whole
        /// file, which then replaces the partial one (Range support of real appliances is UNKNOWN).
        /// </summary>
        public static async Task<ExtraHopDownload> DownloadAsync(ExtraHopSession session, string fileName, DownloadFile file, Action<long, long?>? progress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            string path = ListPath + "/" + ResourcePath.Segment(fileName, "FileName");
            long resumed = file.ResumedBytes;
            ApiResponse response = await FileDownloader.SaveAsync(session, ApiRequest.Get(path), file, resumable: true, session.Timeout, keepEmpty: true, progress, cancellationToken).ConfigureAwait(false);
            return new ExtraHopDownload
            {
                FileName = fileName,
                Path = file.FinalPath,
                Bytes = new FileInfo(file.FinalPath).Length,
                ResumedBytes = response.StatusCode == HttpStatusCode.PartialContent ? resumed : 0,
                Duration = clock.Elapsed,
            }.From(session);
        }

        private static HttpContent FileBody(string packPath)
        {
            var content = new StreamContent(new FileStream(packPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return content;
        }

        /// <summary>The run a 202 started. Its Location is INFERRED as /api/v1/supportpacks/queue/&lt;id&gt;; a bare id is taken as that.</summary>
        private static ExtraHopJob Queued(ExtraHopSession session, ApiResponse response, string path)
        {
            string? location = response.Location;
            if (string.IsNullOrEmpty(location))
            {
                throw new ExtraHopApiException(ApiFailureKind.InvalidResponse,
                    $"{session.Server} accepted POST /{path} ({(int)response.StatusCode}) but named no queue entry to follow; Get-EHSupportPack lists the packs when it is done.",
                    session.Server, "POST", "/" + path, response.StatusCode);
            }
            bool bareId = location!.IndexOf('/') < 0;
            return JobApi.Pending(session, bareId ? QueuePath + ResourcePath.Segment(location, "Location") : location);
        }

        private static string? ProducedFileName(ExtraHopJob run)
        {
            foreach (string field in ProducedFileFields)
            {
                if (run.ExtensionData.TryGetValue(field, out object? value) && value is string name && name.Length > 0) return name;
            }
            return null;
        }

        private static void FillFromOtherNames(ExtraHopSupportPack pack)
        {
            if (pack.FileName.Length == 0) pack.FileName = Text(pack, "name") ?? Text(pack, "file_name") ?? string.Empty;
            if (!pack.Size.HasValue && pack.ExtensionData.TryGetValue("bytes", out object? bytes) && bytes is long size) pack.Size = size;
            if (!pack.Created.HasValue)
            {
                foreach (string field in new[] { "created_at", "mtime", "time" })
                {
                    if (pack.ExtensionData.TryGetValue(field, out object? value) && value is long ms)
                    {
                        pack.Created = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                        break;
                    }
                }
            }
        }

        private static string? Text(ExtraHopSupportPack pack, string field) =>
            pack.ExtensionData.TryGetValue(field, out object? value) && value is string text && text.Length > 0 ? text : null;
    }
}
