using System;
using System.IO;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Downloads;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Packets;

namespace ExtraHop.Benchmarks;

/// <summary>
/// The module's own download path (ExtraHop.Client: the request, retries, watchdog, progress, the .partial file and its
/// rename) called from C#, with no cmdlet and no PowerShell. Beside the raw HttpClient and the cmdlet it tells which
/// layer a gap belongs to: the client, or the cmdlet and pipeline above it.
/// </summary>
internal sealed class ClientDownload
{
    private readonly ExtraHopSession _session;

    private ClientDownload(ExtraHopSession session) => _session = session;

    public static async Task<ClientDownload> ConnectAsync(string server, SecureString apiKey, string certificateSha256)
    {
        var settings = new ConnectionSettings { Tls = TlsPolicy.Pin(certificateSha256) };
        var session = await ApplianceConnector.ConnectAsync(new ConnectRequest(server, settings) { ApiKey = apiKey }, CancellationToken.None);
        return new ClientDownload(session);
    }

    public async Task<long> SupportPackAsync(string packName, string path)
    {
        using var file = DownloadFile.Open(path, overwrite: true, resume: false)!;
        var saved = await SupportPackApi.DownloadAsync(_session, packName, file, IgnoreProgress, CancellationToken.None);
        return saved.Bytes;
    }

    /// <summary>The last <paramref name="window"/> as a pcap, as Save-EHPacket -From sends it (absolute times).</summary>
    public async Task<long> PacketsAsync(TimeSpan window, string path)
    {
        using var file = DownloadFile.Open(path, overwrite: true, resume: false)!;
        var now = DateTimeOffset.Now;
        var search = new PacketSearch { From = now - window, Until = now, Format = "pcap" };
        var capture = await PacketApi.SaveAsync(_session, search, file, IgnoreProgress, CancellationToken.None);
        return capture.Bytes;
    }

    /// <summary>Progress is reported (the client computes it every 200 ms, as for the cmdlets) and dropped.</summary>
    private static void IgnoreProgress(long written, long? total)
    {
    }
}
