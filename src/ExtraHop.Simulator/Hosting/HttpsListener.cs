using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ExtraHop.Simulator.Hosting;

/// <summary>
/// One HTTPS port on 127.0.0.1 that can be closed and reopened. A simulated reboot must make the port
/// refuse connections, and Kestrel cannot remove a single endpoint from a running server, so each
/// listening period gets its own minimal web application; reopening binds the same port again.
/// </summary>
internal sealed class HttpsListener : IAsyncDisposable
{
    // In-flight requests get this long to finish when the port closes; then their connections are aborted.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(1);

    private readonly RequestDelegate _handler;
    private X509Certificate2 _certificate;
    private X509Certificate2? _regenerated;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;

    public HttpsListener(X509Certificate2 certificate, RequestDelegate handler, int port)
    {
        _certificate = certificate;
        _handler = handler;
        Port = port;
    }

    /// <summary>The bound port; 0 until the first start when an ephemeral port was asked for.</summary>
    public int Port { get; private set; }

    public bool IsListening => Volatile.Read(ref _app) is not null;

    /// <summary>SHA-256 of the certificate served (or served once the port opens again): 64 uppercase hex characters.</summary>
    public string CertificateSha256 => Volatile.Read(ref _certificate).GetCertHashString(HashAlgorithmName.SHA256).ToUpperInvariant();

    /// <summary>
    /// Serves this certificate from the next time the port opens, as an appliance that regenerated its own while
    /// restarting. The listener owns it and disposes it.
    /// </summary>
    public void UseRegeneratedCertificate(X509Certificate2 certificate)
    {
        var previous = _regenerated;
        _regenerated = certificate;
        Volatile.Write(ref _certificate, certificate);
        previous?.Dispose();
    }

    /// <summary>
    /// Serves another certificate from now on, as an appliance does after its TLS certificate was replaced or
    /// regenerated: its web server restarts, so open connections end and every new one meets the new certificate.
    /// The port stays bound to this appliance (it closes and reopens at once). The listener owns the certificate.
    /// </summary>
    public async Task ServeNewCertificateAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        // The certificate first: whoever opens the port next (this, or the driver) serves the new one. The one it
        // replaces is disposed only once the server that used it has stopped.
        var previous = _regenerated;
        _regenerated = certificate;
        Volatile.Write(ref _certificate, certificate);
        var wasListening = IsListening;
        await StopAsync().ConfigureAwait(false);
        previous?.Dispose();
        if (wasListening)
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_app is not null)
            {
                return;
            }

            var app = Build();
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            Port = BoundPort(app);
            Volatile.Write(ref _app, app);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var app = _app;
            if (app is null)
            {
                return;
            }

            Volatile.Write(ref _app, null);
            using var drain = new CancellationTokenSource(DrainTimeout);
            try
            {
                await app.StopAsync(drain.Token).ConfigureAwait(false);
            }
            finally
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _gate.Dispose();
        _regenerated?.Dispose();
    }

    private WebApplication Build()
    {
        // The empty builder has no configuration sources and no logging: nothing is read from disk
        // and nothing is printed, whoever embeds the simulator.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost
            .UseKestrelCore()
            .UseKestrelHttpsConfiguration()
            .ConfigureKestrel(options =>
            {
                options.AddServerHeader = false;
                // Firmware images are gigabytes; the endpoints that read JSON cap their own bodies.
                options.Limits.MaxRequestBodySize = null;
                options.Listen(IPAddress.Loopback, Port, listen =>
                {
                    // HTTP/1.1 only: what the official Python scripts (requests) speak.
                    listen.Protocols = HttpProtocols.Http1;
                    listen.UseHttps(_certificate);
                });
            });
        var app = builder.Build();
        app.Run(_handler);
        return app;
    }

    private static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single()).Port;
    }
}
