using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Benchmarks;

/// <summary>
/// The baseline downloads: what a script author would write with HttpClient alone. The answer is read as a stream
/// (ResponseHeadersRead) and copied to a FileStream, with the API key, trusting exactly the simulator's certificate.
/// It copies with the response stream's own CopyToAsync into a file with a 128 KiB buffer, as the module does, so the
/// ratio compares the module's overhead and not a buffer size (a chunked answer arrives in pieces of a few KiB; with
/// no file buffer each would be its own write).
/// </summary>
internal sealed class RawDownload : IDisposable
{
    private const int ChunkSize = 128 * 1024;

    private readonly HttpClient _client;
    private readonly string _server;
    private readonly string _apiKey;

    public RawDownload(string server, string apiKey, string certificateSha256)
    {
        _client = PinnedHttpClient.Create(certificateSha256, Timeout.InfiniteTimeSpan);
        _server = server;
        _apiKey = apiKey;
    }

    public Task<long> GetAsync(string apiPath, string file) => SaveAsync(new HttpRequestMessage(HttpMethod.Get, Uri(apiPath)), file);

    public Task<long> PostJsonAsync(string apiPath, string json, string file) =>
        SaveAsync(new HttpRequestMessage(HttpMethod.Post, Uri(apiPath)) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, file);

    public void Dispose() => _client.Dispose();

    private Uri Uri(string apiPath) => new($"https://{_server}/api/v1/{apiPath}");

    private async Task<long> SaveAsync(HttpRequestMessage request, string file)
    {
        using (request)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"ExtraHop apikey={_apiKey}");
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Baseline download answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }

            await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            await using var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: ChunkSize, useAsync: true);
            await body.CopyToAsync(output, ChunkSize).ConfigureAwait(false);
            return output.Length;
        }
    }
}
