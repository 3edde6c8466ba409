using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Benchmarks;

/// <summary>
/// The baseline upload: what a script author would write with HttpClient alone. A StreamContent over a FileStream,
/// posted raw to /api/v1/extrahop/firmware with the API key, trusting exactly the simulator's certificate.
/// </summary>
internal sealed class RawUpload : IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _firmwareUri;
    private readonly string _apiKey;

    public RawUpload(string server, string apiKey, string certificateSha256)
    {
        _client = PinnedHttpClient.Create(certificateSha256, Timeout.InfiniteTimeSpan);
        _firmwareUri = new Uri($"https://{server}/api/v1/extrahop/firmware");
        _apiKey = apiKey;
    }

    public async Task PostAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.extrahop.firmware");
        using var request = new HttpRequestMessage(HttpMethod.Post, _firmwareUri) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", $"ExtraHop apikey={_apiKey}");
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Baseline upload answered {(int)response.StatusCode}: {body}");
        }
    }

    public void Dispose() => _client.Dispose();
}
