using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Http;
using Microsoft.AspNetCore.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// <c>POST /extrahop/firmware</c>: a raw firmware image as the body (not multipart). The body streams
/// through a hash and a tar-header reader and is never stored, so any size works in constant memory.
/// The appliance is busy while the image arrives.
/// </summary>
internal static class FirmwareUploadEndpoint
{
    public static async Task UploadAsync(ApiContext c)
    {
        var engine = c.Engine;
        var declared = c.Http.Request.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        engine.Record(SimulatorEventKind.UploadStarted, $"bytes={declared}");
        engine.Host.Busy.Enter(engine.Name);
        try
        {
            ImageInspection image;
            try
            {
                image = await ImageInspection.ReadAsync(c.Http.Request.Body, c.Http.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
            {
                engine.Record(SimulatorEventKind.UploadFailed, $"transfer broke off: {e.Message}");
                throw;
            }

            engine.NoteImageReceived(image);
            var rejection = engine.Faults.TryTakeUploadFailure(out var status, out var message)
                ? new ApiErrorException(status, message)
                : image.Problem is { } problem ? new ApiErrorException(400, problem) : null;
            if (rejection is not null)
            {
                engine.Record(SimulatorEventKind.UploadFailed, rejection.Message);
                throw rejection;
            }

            engine.AcceptImage(image.Version!);
            engine.Record(SimulatorEventKind.UploadCompleted, $"version={image.Version} bytes={image.Bytes} sha256={image.Sha256}");
        }
        finally
        {
            engine.Host.Busy.Exit(engine.Name);
        }

        await c.CreatedAsync().ConfigureAwait(false);
    }
}
