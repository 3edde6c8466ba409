using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Benchmarks;

/// <summary>
/// The baseline of the REST row: what a script author would write with HttpClient alone. GET /api/v1/users with the
/// API key, the body read and parsed as JSON and every user's name read from it, trusting exactly the simulator's
/// certificate. One HttpClient for the whole loop, as a careful author would keep it.
/// </summary>
internal sealed class RawRestLoop : IDisposable
{

    public RawRestLoop(string server, string apiKey, string certificateSha256)
    {
        Client = PinnedHttpClient.Create(certificateSha256, TimeSpan.FromSeconds(100));
        UsersUri = new Uri($"https://{server}/api/v1/users");
        Authorization = $"ExtraHop apikey={apiKey}";
    }

    /// <summary>The client, address and header, also for the same loop written as a PowerShell script.</summary>
    public HttpClient Client { get; }

    public Uri UsersUri { get; }

    public string Authorization { get; }

    /// <summary>Runs the loop; returns how many user names a call read, so the work cannot be skipped.</summary>
    public async Task<int> RunAsync(int calls)
    {
        int names = 0;
        for (int i = 0; i < calls; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, UsersUri);
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await Client.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            foreach (var user in document.RootElement.EnumerateArray())
            {
                if (user.GetProperty("username").GetString() is { Length: > 0 })
                {
                    names++;
                }
            }
        }

        return names / calls;
    }

    public void Dispose() => Client.Dispose();
}
