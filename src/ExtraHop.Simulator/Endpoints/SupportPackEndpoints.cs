using System;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// GET /supportpacks and GET /supportpacks/{filename}: one support pack to download, a binary file (every byte value
/// occurs), so clients can check that they save binary answers byte for byte. The real files are encrypted
/// diagnostics; their content here is a fixed pattern.
/// </summary>
internal static class SupportPackEndpoints
{
    public const string FileName = "diagnostics-default.expk";

    /// <summary>The bytes of the one support pack: 0, 1, ... 255, 0, 1 ... for 70,000 bytes.</summary>
    public static byte[] Content { get; } = Enumerable.Range(0, 70_000).Select(i => (byte)(i % 256)).ToArray();

    public static Task ListAsync(ApiContext c) =>
        c.OkAsync(new[] { new SupportPack(FileName, Content.Length, c.Engine.Host.Clock.WallNow.AddDays(-1).ToUnixTimeMilliseconds()) });

    public static async Task DownloadAsync(ApiContext c)
    {
        if (!string.Equals(c.RouteValue("filename"), FileName, StringComparison.Ordinal))
        {
            throw new ApiErrorException(404, $"Support pack '{c.RouteValue("filename")}' does not exist");
        }

        c.Http.Response.StatusCode = 200;
        c.Http.Response.ContentType = "application/octet-stream";
        c.Http.Response.ContentLength = Content.Length;
        await c.Http.Response.Body.WriteAsync(Content, c.Http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>INFERRED fields; the guide lists the operation only.</summary>
    private sealed record SupportPack(string Filename, long Size, long Created);
}
