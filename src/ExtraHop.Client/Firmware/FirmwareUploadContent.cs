using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;

namespace ExtraHop.Firmware
{
    /// <summary>
    /// The image as a raw request body (Content-Type application/vnd.extrahop.firmware, Content-Length set, not
    /// multipart), read from disk in fixed chunks so memory stays flat whatever the image size. Reports bytes
    /// sent (a few times a second and at the end, not per chunk, so no consumer formats text it will throw away)
    /// and feeds the watchdog that ends a stalled upload.
    /// </summary>
    internal sealed class FirmwareUploadContent : HttpContent
    {
        private const int ChunkSize = 256 * 1024;
        private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(200);
        private readonly FirmwareImageFile image;
        private readonly RequestWatchdog watchdog;
        private readonly Action<UploadProgress>? progress;
        private readonly CancellationToken cancellationToken;

        public FirmwareUploadContent(FirmwareImageFile image, RequestWatchdog watchdog, Action<UploadProgress>? progress, CancellationToken cancellationToken)
        {
            this.image = image;
            this.watchdog = watchdog;
            this.progress = progress;
            this.cancellationToken = cancellationToken;
            Headers.ContentType = new MediaTypeHeaderValue("application/vnd.extrahop.firmware");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watchdog.Token))
            using (var file = new FileStream(image.Path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                var buffer = new byte[ChunkSize];
                var clock = Stopwatch.StartNew();
                long sent = 0;
                TimeSpan lastReport = TimeSpan.Zero;
                int read;
                while ((read = await file.ReadAsync(buffer, 0, buffer.Length, linked.Token).ConfigureAwait(false)) > 0)
                {
                    await stream.WriteAsync(buffer, 0, read, linked.Token).ConfigureAwait(false);
                    sent += read;
                    watchdog.Touch();
                    if (progress != null && (sent == image.Length || clock.Elapsed - lastReport >= ReportInterval))
                    {
                        lastReport = clock.Elapsed;
                        progress(new UploadProgress(sent, image.Length, clock.Elapsed));
                    }
                }
                await stream.FlushAsync(linked.Token).ConfigureAwait(false);
                watchdog.BodyFinished();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = image.Length;
            return true;
        }
    }
}
