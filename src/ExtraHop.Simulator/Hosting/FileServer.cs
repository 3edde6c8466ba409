using System;
using System.Collections.Concurrent;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;
using Microsoft.AspNetCore.Http;

namespace ExtraHop.Simulator.Hosting;

/// <summary>
/// A plain HTTPS file server on its own port, for <c>firmware/download/url</c>: tests publish an image and
/// hand its URL to an appliance. It has its own port so that appliances rebooting never take it down.
/// Files are streamed from disk on every request and need no credentials.
/// </summary>
internal sealed class FileServer : IAsyncDisposable
{
    private const string Prefix = "/files/";

    private readonly ConcurrentDictionary<string, string> _pathsByName = new(StringComparer.Ordinal);
    private readonly HttpsListener _listener;

    public FileServer(X509Certificate2 certificate) => _listener = new HttpsListener(certificate, ServeAsync, 0);

    public Task StartAsync(CancellationToken cancellationToken) => _listener.StartAsync(cancellationToken);

    public string Publish(string fileName, string sourcePath)
    {
        if (string.IsNullOrEmpty(fileName) || fileName.IndexOfAny(new[] { '/', '\\' }) >= 0)
        {
            throw new ArgumentException("The file name must be a single path segment.", nameof(fileName));
        }

        var fullPath = Path.GetFullPath(sourcePath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException("The file to publish does not exist.", fullPath);
        }

        _pathsByName[fileName] = fullPath;
        return $"https://127.0.0.1:{_listener.Port}{Prefix}{Uri.EscapeDataString(fileName)}";
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task ServeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsGet(http.Request.Method)
            || !path.StartsWith(Prefix, StringComparison.Ordinal)
            || !_pathsByName.TryGetValue(Uri.UnescapeDataString(path[Prefix.Length..]), out var file))
        {
            await ApiJson.WriteErrorAsync(http.Response, 404, $"No published file at {path}").ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = new FileInfo(file).Length;
        await http.Response.SendFileAsync(file, http.RequestAborted).ConfigureAwait(false);
    }
}
