using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Resources;
using Microsoft.AspNetCore.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// /supportpacks: the pack files (the appliance starts with one), running the default pack or an uploaded one (a
/// run of three steps followed at /supportpacks/queue/{id}, which adds a file when done), and downloading a file
/// by name. Downloads honour a Range request (206) so clients can resume; their bytes are a fixed pattern
/// (<see cref="PatternBytes"/>), generated as they are sent. The real files are encrypted diagnostics.
/// </summary>
internal static class SupportPackEndpoints
{
    /// <summary>The first firmware whose guide lists upload-and-run (POST /supportpacks).</summary>
    public const string UploadFirstVersion = "9.9";

    private const string QueueLocation = ApiPaths.Root + "/supportpacks/queue/";

    public static Task ListAsync(ApiContext c) => c.OkAsync(c.Appliance.SupportPacks.Files);

    public static Task ExecuteAsync(ApiContext c) => StartAsync(c, "default");

    /// <summary>The body is the pack file (content type not checked: the reference leaves it UNKNOWN); it is read and dropped.</summary>
    public static async Task UploadAsync(ApiContext c)
    {
        if (FirmwareVersion.Compare(c.Engine.Facts().CurrentVersion, UploadFirstVersion) < 0)
        {
            throw new ApiErrorException(404, $"The requested resource was not found: {c.Http.Request.Path}");
        }

        long bytes;
        using (var sink = new CountingSink())
        {
            await c.Http.Request.Body.CopyToAsync(sink, c.Http.RequestAborted).ConfigureAwait(false);
            bytes = sink.Length;
        }

        if (bytes == 0)
        {
            throw new ApiErrorException(400, "The request has no support pack file");
        }

        await StartAsync(c, "uploaded").ConfigureAwait(false);
    }

    public static Task QueueStatusAsync(ApiContext c) =>
        c.Appliance.SupportPacks.Status(c.RouteValue("id")) is { } status
            ? c.OkAsync(status)
            : throw new ApiErrorException(404, $"Support pack run '{c.RouteValue("id")}' does not exist");

    public static async Task DownloadAsync(ApiContext c)
    {
        var name = c.RouteValue("filename");
        var file = c.Appliance.SupportPacks.Find(name) ?? throw new ApiErrorException(404, $"Support pack '{name}' does not exist");
        var response = c.Http.Response;
        response.Headers.AcceptRanges = "bytes";
        long start = 0;
        if (RangeStart(c.Http.Request) is { } from)
        {
            if (from >= file.Size)
            {
                response.Headers.ContentRange = $"bytes */{file.Size}";
                throw new ApiErrorException(416, $"The range asked for starts at byte {from}; '{name}' has {file.Size} bytes");
            }

            start = from;
            response.StatusCode = 206;
            response.Headers.ContentRange = $"bytes {start}-{file.Size - 1}/{file.Size}";
        }
        else
        {
            response.StatusCode = 200;
        }

        response.ContentType = "application/octet-stream";
        response.ContentLength = file.Size - start;
        var end = file.Size;
        var cut = c.Engine.Faults.TakeDownloadCut(c.Http.Request.Path);
        if (cut)
        {
            end = start + (file.Size - start) / 2;
        }

        await PatternBytes.WriteAsync(response.Body, start, end, c.Http.RequestAborted).ConfigureAwait(false);
        if (cut)
        {
            await response.Body.FlushAsync(c.Http.RequestAborted).ConfigureAwait(false);
            c.Http.Abort();
        }
    }

    private static Task StartAsync(ApiContext c, string source)
    {
        var (failAt, details) = c.Engine.Faults.TakeSupportPackFailure();
        var id = c.Appliance.SupportPacks.Start(source, failAt, details);
        c.Http.Response.Headers.Location = QueueLocation + id;
        return ApiJson.WriteAsync(c.Http.Response, 202, new { });
    }

    /// <summary>The first byte of a "bytes=N-" or "bytes=N-M" Range header (the end is ignored: the rest is sent); null without one.</summary>
    private static long? RangeStart(HttpRequest request)
    {
        var range = request.Headers.Range.ToString();
        if (!range.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var first = range[6..].Split(',')[0].Split('-')[0].Trim();
        return long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null;
    }

    /// <summary>Counts what is written to it and keeps nothing.</summary>
    private sealed class CountingSink : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
