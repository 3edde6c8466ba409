using System;
using System.Threading.Tasks;
using ExtraHop.Simulator.Endpoints;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Resources;
using ExtraHop.Simulator.Security;

namespace ExtraHop.Simulator.Hosting;

/// <summary>Everything one simulated appliance is made of: its state, its users, its port and its request pipeline.</summary>
internal sealed class ApplianceRuntime : IAsyncDisposable
{
    public ApplianceRuntime(ApplianceOptions options, HostContext host)
    {
        Name = options.Name;
        ClusterName = options.ClusterName;
        NodeKind = options.NodeKind;
        ReportsNodeKind = options.ReportsNodeKind;
        ClusterGetStatus = options.ClusterGetStatus;
        ApiKey = options.ApiKey ?? UserDirectory.GenerateKey();
        LimitedApiKey = options.LimitedApiKey ?? UserDirectory.GenerateKey();
        SetupPassword = new SetupPassword(options.SetupPassword ?? UserDirectory.GenerateKey());
        Engine = new ApplianceEngine(options, host);
        Connected = new ConnectedApplianceStore(options, Engine);
        RunningConfig = new RunningConfigStore(options.Name);
        Users = new UserDirectory(ApiKey, LimitedApiKey, host.Clock.WallNow.AddDays(-90), () => host.Clock.WallNow);
        if (options.ClientId is not null && options.ClientSecret is not null)
        {
            Tokens = new TokenIssuer(options.ClientId, options.ClientSecret, options.TokenLifetimeSeconds);
        }

        System = new SystemSettings(options.StoppedProcesses, () => host.Clock.WallNow);
        IdracAddress = options.IdracAddress;
        License = new LicenseStore(
            SystemEndpoints.Platform(options.Role),
            options.ProductKey,
            options.LicenseExpiresInDays is { } days ? host.Clock.WallNow.AddDays(days) : null);
        Authenticator = new Authenticator(Users, Tokens);
        SupportPacks = new SupportPackStore(host.Clock, options.SupportPackBytes);
        PacketCaptureBytes = options.PacketCaptureBytes;
        var pipeline = new RequestPipeline(this, ApiRoutes.Router);
        Listener = new HttpsListener(host.Certificates.Server, pipeline.HandleAsync, options.Port);
        if (options.CertificateLifetime is { } lifetime)
        {
            Listener.UseRegeneratedCertificate(Tls.CertificateSet.CreateSelfSignedServer(lifetime));
        }
    }

    public string Name { get; }

    public string? ClusterName { get; }

    public RecordstoreNodeKind? NodeKind { get; }

    public bool ReportsNodeKind { get; }

    /// <summary>404 or 405 when <c>GET /extrahop/cluster</c> is not served (the guide's surface only).</summary>
    public int? ClusterGetStatus { get; }

    public string ApiKey { get; }

    public string LimitedApiKey { get; }

    public ApplianceEngine Engine { get; }

    public UserDirectory Users { get; }

    /// <summary>On a console: the appliances connected to it, its product keys, IDS associations and cloud enrolment.</summary>
    public ConnectedApplianceStore Connected { get; }

    /// <summary>The password of the built-in "setup" user, which <c>POST /apikeys</c> takes to create its first key.</summary>
    public SetupPassword SetupPassword { get; }

    /// <summary>Failed password attempts and the locks they lead to.</summary>
    public AccountLocks Locks { get; } = new();

    /// <summary>Tags, the objects the guide's examples create and assign to devices.</summary>
    public TagStore Tags { get; } = new();

    /// <summary>Processes, services and the ticketing integration.</summary>
    public SystemSettings System { get; }

    /// <summary>What <c>GET /extrahop/idrac</c> reports; null when the appliance has no iDRAC (404).</summary>
    public string? IdracAddress { get; }

    /// <summary>The license and product key, which registration jobs replace.</summary>
    public LicenseStore License { get; }

    /// <summary>Support pack files and the runs that make them.</summary>
    public SupportPackStore SupportPacks { get; }

    /// <summary>Bytes of stored packets a whole-window search finds (<see cref="ApplianceOptions.PacketCaptureBytes"/>).</summary>
    public long PacketCaptureBytes { get; }

    /// <summary>The running config and its saved copy.</summary>
    public RunningConfigStore RunningConfig { get; }

    /// <summary>Present when the appliance plays a RevealX 360 tenant.</summary>
    public TokenIssuer? Tokens { get; }

    public Authenticator Authenticator { get; }

    public HttpsListener Listener { get; }

    /// <summary>Opens the port and starts following the appliance's state in the background.</summary>
    public async Task StartAsync()
    {
        var background = Engine.Host.Background;
        await Listener.StartAsync(background.Stopping).ConfigureAwait(false);
        background.Run(stopping => ApplianceDriver.RunAsync(Engine, Listener, stopping));
    }

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync().ConfigureAwait(false);
        Engine.Wake.Dispose();
    }
}
