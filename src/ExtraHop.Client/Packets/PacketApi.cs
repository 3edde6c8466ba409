using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Downloads;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Packets
{
    /// <summary>POST /packets/search: searches the appliance's stored packets and streams what matched to a file.</summary>
    internal static class PacketApi
    {
        private const string SearchPath = "packets/search";

        /// <summary>
        /// How an appliance says a limit cut the search short is UNKNOWN (the reference only says such a search
        /// "still returns what it found"). The simulator names the limit in the first of these headers; the others are
        /// plausible spellings. Without any, a capture that reached -LimitBytes is taken as cut by it.
        /// </summary>
        private static readonly string[] LimitHeaders = { "ExtraHop-Limit-Reached", "X-ExtraHop-Limit-Reached", "X-Limit-Reached" };

        /// <summary>How long the appliance may search before the first byte, beyond the search-duration limit.</summary>
        private static readonly TimeSpan SearchGrace = TimeSpan.FromMinutes(2);

        public static async Task<ExtraHopPacketCapture> SaveAsync(ExtraHopSession session, PacketSearch search, DownloadFile file, Action<long, long?>? progress, CancellationToken cancellationToken)
        {
            FirmwareFeature.PacketSearch.RefuseOnGuideThatLacksIt(session, "POST", "/" + SearchPath);
            var clock = Stopwatch.StartNew();
            // A search changes nothing on the appliance, so a failed one may be sent again like a GET; it starts over,
            // since a search run again need not find the same bytes.
            var request = new ApiRequest(HttpMethod.Post, SearchPath, () => Json.JsonBody.Create(search.ToBody())) { SafeToRetry = true };
            TimeSpan firstByte = (search.LimitSearchDuration ?? TimeSpan.Zero) + SearchGrace;
            ApiResponse response;
            try
            {
                response = await FileDownloader.SaveAsync(session, request, file, resumable: false, firstByte, search.AlwaysReturnBody, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex)
            {
                throw Explain(session, search, ex);
            }

            bool matched = response.StatusCode != HttpStatusCode.NoContent;
            bool written = matched || search.AlwaysReturnBody;
            long bytes = written ? new System.IO.FileInfo(file.FinalPath).Length : 0;
            return new ExtraHopPacketCapture
            {
                Path = written ? file.FinalPath : null,
                Format = search.Format,
                Bytes = bytes,
                Matched = matched && bytes > EmptyCaptureBytes(search),
                From = search.From,
                Until = search.Until,
                LimitReached = matched ? LimitReached(response.Headers, search, bytes) : null,
                Duration = clock.Elapsed,
            }.From(session);
        }

        /// <summary>
        /// The size of a capture that holds no packet, which an appliance sends instead of 204 when asked to always
        /// answer with a body: a pcap file header (24 bytes), or a pcapng section and interface header without options
        /// (48; a longer empty pcapng is taken as a match). Zip files are always taken as a match. Nothing is sent
        /// without always_return_body, which asks for 204 instead.
        /// </summary>
        private static long EmptyCaptureBytes(PacketSearch search)
        {
            if (!search.AlwaysReturnBody) return 0;
            return search.Format == "pcap" ? 24 : search.Format == "pcapng" ? 48 : 0;
        }

        private static string? LimitReached(IReadOnlyDictionary<string, string>? headers, PacketSearch search, long bytes)
        {
            if (headers != null)
            {
                foreach (string name in LimitHeaders)
                {
                    if (headers.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value)) return value.Trim();
                }
            }
            return search.LimitBytes.HasValue && bytes >= search.LimitBytes.Value ? "limit_bytes" : null;
        }

        /// <summary>The appliance's refusals, said in terms of what the user asked for; its own message is passed on.</summary>
        private static Exception Explain(ExtraHopSession session, PacketSearch search, ExtraHopApiException ex)
        {
            string said = ex.ApplianceMessage ?? ex.Message;
            switch ((int?)ex.StatusCode)
            {
                case 400 when !string.IsNullOrEmpty(search.Filter):
                    return new PacketSearchRefusedException(PacketSearchRefusal.InvalidFilter,
                        $"{session.Server} refused the filter '{search.Filter}': {said}", ex);
                case 403:
                    string need = search.Format == "zip"
                        ? "Session keys (-Format zip) need the packets privilege \"full_with_keys\"; without it, ask for pcap or pcapng"
                        : "Downloading packets needs the packets privilege (\"full\", \"full_with_keys\" or \"slices_only\")";
                    return new PacketSearchRefusedException(PacketSearchRefusal.NotPermitted, $"{session.Server}: {need}. The appliance said: {said}", ex);
                case 404:
                    Exception explained = FirmwareFeature.PacketSearch.Explain(session, ex);
                    if (explained != ex) return explained;
                    return new PacketSearchRefusedException(PacketSearchRefusal.Unavailable,
                        $"{session.Server} has no packets to search: packet downloads come from packetstores and from sensors with packet capture. The appliance said: {said}", ex);
                default:
                    return ex;
            }
        }
    }
}
