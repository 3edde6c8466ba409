using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Hosting;
using ExtraHop.Simulator.Recording;
using ExtraHop.Simulator.Time;
using ExtraHop.Simulator.Tls;

namespace ExtraHop.Simulator;

/// <summary>
/// A running set of simulated appliances, each on its own HTTPS port on 127.0.0.1, sharing one
/// certificate, one simulated clock, one request log and one event log. Start it with
/// <see cref="StartAsync"/>; dispose it to close every port and stop all background work.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly HostContext _context;
    private readonly IReadOnlyList<ApplianceRuntime> _runtimes;
    private readonly FileServer _files;
    private readonly Dictionary<string, SimulatedAppliance> _byName;
    private int _disposed;

    private SimulatorHost(HostContext context, IReadOnlyList<ApplianceRuntime> runtimes, FileServer files)
    {
        _context = context;
        _runtimes = runtimes;
        _files = files;
        Appliances = runtimes.Select(r => new SimulatedAppliance(r)).ToArray();
        _byName = Appliances.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The appliances, in the order they were configured.</summary>
    public IReadOnlyList<SimulatedAppliance> Appliances { get; }

    /// <summary>The appliance with this name (case-insensitive).</summary>
    public SimulatedAppliance this[string name] =>
        _byName.TryGetValue(name, out var appliance) ? appliance : throw new KeyNotFoundException($"No simulated appliance is named '{name}'.");

    /// <summary>PEM of the CA that signed the appliances' certificate: trust it (for example with REQUESTS_CA_BUNDLE) to verify TLS.</summary>
    public string CaCertificatePem => _context.Certificates.AuthorityPem;

    /// <summary>SHA-256 fingerprint of the appliances' server certificate: 64 uppercase hex characters, no separators.</summary>
    public string CertificateSha256 => _context.Certificates.ServerSha256;

    /// <summary>The appliances' server certificate (with its private key).</summary>
    public X509Certificate2 ServerCertificate => _context.Certificates.Server;

    /// <summary>Every request to every appliance, in arrival order (a snapshot; requests still in progress are not in it yet).</summary>
    public IReadOnlyList<RequestLogEntry> RequestLog => _context.Requests.Snapshot();

    /// <summary>
    /// The request log once every request that has arrived is written down, for tests that count requests right
    /// after a client gave up on one (a dropped request is logged a moment after its connection closes).
    /// </summary>
    public async Task<IReadOnlyList<RequestLogEntry>> SettledRequestLogAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (_context.Requests.InProgress > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_context.Requests.InProgress} request(s) are still in progress.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return RequestLog;
    }

    /// <summary>Every state change, in time order (a snapshot).</summary>
    public IReadOnlyList<SimulatorEvent> Events => _context.Events.Snapshot();

    /// <summary>
    /// The most appliances that were busy at once since start or <see cref="ResetStatistics"/>. An appliance is
    /// busy while a firmware upload is arriving and while a job (upgrade, download, rollback) is
    /// running; the short gap between an upload and the upgrade request after it does not count.
    /// </summary>
    public int MaxConcurrentBusy => _context.Busy.Max;

    /// <summary>Starts the appliances: every port is open and answering when the returned task completes.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var clock = new SimulatedClock(options.TimeScale);

        var certificates = CertificateSet.Create();
        var context = new HostContext(
            clock,
            certificates,
            new RequestRecorder(),
            new EventRecorder(),
            new BusyTracker(),
            new ClusterDirectory(),
            options.CloudReleases.ToArray(),
            CreateImageDownloadClient(certificates.ServerSha256),
            new BackgroundWork());
        var runtimes = options.Appliances.Select(a => new ApplianceRuntime(a, context)).ToArray();
        var host = new SimulatorHost(context, runtimes, new FileServer(certificates.Server));
        try
        {
            await host._files.StartAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(runtimes.Select(r => r.StartAsync())).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>Clears the request log and the events, and restarts the busy count from what is busy now.</summary>
    public void ResetStatistics()
    {
        _context.Requests.Reset();
        _context.Events.Reset();
        _context.Busy.Reset();
    }

    /// <summary>
    /// Serves a file at <c>https://127.0.0.1:&lt;port&gt;/files/&lt;fileName&gt;</c> (a port of this host, with the
    /// same certificate) and returns that URL, for <c>firmware/download/url</c>. The file is read on every request.
    /// </summary>
    public string PublishFile(string fileName, string sourcePath) => _files.Publish(fileName, sourcePath);

    /// <summary>Closes every port, cancels hanging requests and downloads, and waits for all background work to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _context.Background.StopAsync().ConfigureAwait(false);
        await Task.WhenAll(_runtimes.Select(r => r.DisposeAsync().AsTask())).ConfigureAwait(false);
        await _files.DisposeAsync().ConfigureAwait(false);
        _context.ImageDownloads.Dispose();
        _context.Background.Dispose();
        _context.Certificates.Dispose();
    }

    private static void Validate(SimulatorOptions options)
    {
        if (options.Appliances.Count == 0)
        {
            throw new ArgumentException("Configure at least one appliance.", nameof(options));
        }

        var duplicate = options.Appliances.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Appliance names must be unique; '{duplicate.Key}' is used more than once.", nameof(options));
        }

        foreach (var appliance in options.Appliances)
        {
            if (string.IsNullOrWhiteSpace(appliance.Name))
            {
                throw new ArgumentException("Every appliance needs a name.", nameof(options));
            }

            foreach (var version in new[] { appliance.Version, appliance.PreviousVersion }.OfType<string>())
            {
                if (!FirmwareVersion.IsValid(version))
                {
                    throw new ArgumentException($"Appliance '{appliance.Name}': '{version}' is not a firmware version like 9.8.1.1000.", nameof(options));
                }
            }

            if (appliance.NodeKind is not null && appliance.Role != ApplianceRole.Recordstore)
            {
                throw new ArgumentException($"Appliance '{appliance.Name}': only recordstores have a node kind.", nameof(options));
            }

            if ((appliance.ClientId is null) != (appliance.ClientSecret is null))
            {
                throw new ArgumentException($"Appliance '{appliance.Name}': a RevealX 360 tenant needs both ClientId and ClientSecret.", nameof(options));
            }

            if (appliance.TokenLifetimeSeconds <= 0)
            {
                throw new ArgumentException($"Appliance '{appliance.Name}': TokenLifetimeSeconds must be positive.", nameof(options));
            }

            if (appliance.ClusterGetStatus is not (null or 404 or 405))
            {
                throw new ArgumentException($"Appliance '{appliance.Name}': ClusterGetStatus must be 404 or 405 (or null to serve the GET).", nameof(options));
            }

            if (appliance.Port is < 0 or > 65535)
            {
                throw new ArgumentException($"Appliance '{appliance.Name}': {appliance.Port} is not a TCP port.", nameof(options));
            }
        }
    }

    /// <summary>
    /// The client appliances use to fetch images from URLs. It trusts exactly this host's own certificate
    /// (the file server's), which is all a loopback-only download can meet.
    /// </summary>
    private static HttpClient CreateImageDownloadClient(string trustedSha256)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null
                    && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), trustedSha256, StringComparison.OrdinalIgnoreCase),
            },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
