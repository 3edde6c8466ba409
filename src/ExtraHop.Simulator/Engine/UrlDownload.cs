using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Simulator.Firmware;

namespace ExtraHop.Simulator.Engine;

/// <summary>
/// The transfer part of a <c>firmware/download/url</c> job: the appliance fetches the image itself,
/// streaming and hashing it like an upload. Only loopback URLs are fetched: the simulator must never
/// reach out to the network, so anything else fails the job the way an unreachable server would.
/// </summary>
internal static class UrlDownload
{
    public static async Task RunAsync(ApplianceEngine appliance, Job job, Uri url, CancellationToken stopping)
    {
        ImageInspection? image = null;
        string? failure;
        if (!IsLoopback(url))
        {
            failure = $"Unable to download firmware from {url}: the simulator only fetches from localhost or 127.0.0.1";
        }
        else
        {
            try
            {
                using var response = await appliance.Host.ImageDownloads.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stopping).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStreamAsync(stopping).ConfigureAwait(false);
                    await using (body.ConfigureAwait(false))
                    {
                        image = await ImageInspection.ReadAsync(body, stopping).ConfigureAwait(false);
                    }

                    failure = image.Problem;
                }
                else
                {
                    failure = $"Unable to download firmware from {url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}";
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                failure = $"Unable to download firmware from {url}: {e.Message}";
            }
        }

        appliance.CompleteDownload(job, image, failure);
    }

    private static bool IsLoopback(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address)));
}
