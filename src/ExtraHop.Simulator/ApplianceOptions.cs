using System;
using System.Collections.Generic;

namespace ExtraHop.Simulator;

/// <summary>How one simulated appliance starts.</summary>
public sealed class ApplianceOptions
{
    /// <summary>Unique within a host; also the hostname the appliance reports.</summary>
    public string Name { get; set; } = "eh1";

    /// <summary>The appliance type, which decides <c>platform</c> and whether <c>/extrahop/cluster</c> exists.</summary>
    public ApplianceRole Role { get; set; } = ApplianceRole.Sensor;

    /// <summary>The firmware version running at start.</summary>
    public string Version { get; set; } = "9.8.1.1000";

    /// <summary>The rollback image; null means there is none (<c>firmware/previous</c> answers 404).</summary>
    public string? PreviousVersion { get; set; }

    /// <summary>Recordstores with the same cluster name share one <c>ingest_enabled</c> setting.</summary>
    public string? ClusterName { get; set; }

    /// <summary>Manager or data node; recordstores only.</summary>
    public RecordstoreNodeKind? NodeKind { get; set; }

    /// <summary>
    /// False makes <c>/extrahop/cluster</c> omit the node kind, as some firmware does; the client must then
    /// be told the kind by its user.
    /// </summary>
    public bool ReportsNodeKind { get; set; } = true;

    /// <summary>
    /// Null (the default) serves <c>GET /extrahop/cluster</c>, a resource the REST API guide does not document.
    /// 404 or 405 answers it with that status instead, so a recordstore offers only the guide's surface: the
    /// documented <c>PATCH /extrahop/cluster</c> that halts and enables ingest.
    /// </summary>
    public int? ClusterGetStatus { get; set; }

    /// <summary>Initial state of the cluster's ingest; the first node of a cluster decides.</summary>
    public bool IngestEnabled { get; set; } = true;

    /// <summary>API key of user "admin" (system=full). Generated (random, 40 characters) when null.</summary>
    public string? ApiKey { get; set; }

    /// <summary>API key of user "auditor" (no system privilege). Generated when null.</summary>
    public string? LimitedApiKey { get; set; }

    /// <summary>
    /// Password of the built-in user "setup", which has no API key at start (as on a new appliance) until
    /// <c>POST /apikeys</c> creates one with this password. Generated (random, 40 characters) when null.
    /// </summary>
    public string? SetupPassword { get; set; }

    /// <summary>
    /// When set together with <see cref="ClientSecret"/>, the appliance acts as a RevealX 360 tenant:
    /// it issues bearer tokens at <c>/oauth2/token</c> and accepts only those.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The RevealX 360 client secret; see <see cref="ClientId"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Bearer token lifetime in REAL seconds (not scaled), so token-refresh tests are predictable.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>The HTTPS port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Processes that are not running at start (names from <c>GET /extrahop/processes</c>, such as "exalerts"); a process restart starts them.</summary>
    public IList<string> StoppedProcesses { get; } = new List<string>();

    /// <summary>The address <c>GET /extrahop/idrac</c> reports; null (the default) makes it answer 404, as a virtual appliance without an iDRAC does.</summary>
    public string? IdracAddress { get; set; }

    /// <summary>
    /// Consoles only: the appliances connected to it (<c>GET /appliances</c>). Null gives a console one of every kind,
    /// at the console's version: a sensor, an IDS sensor, a recordstore and a packetstore (ids 1 to 4). An empty list
    /// gives a console with nothing connected.
    /// </summary>
    public System.Collections.Generic.IList<ConnectedApplianceOptions>? ConnectedAppliances { get; set; }

    /// <summary>Days until the license expires, from start (real time); negative for one already expired, null for one without end.</summary>
    public double? LicenseExpiresInDays { get; set; } = 365;

    /// <summary>The product key applied at start (groups of four letters or digits joined by dashes). Generated when null.</summary>
    public string? ProductKey { get; set; }

    /// <summary>
    /// Bytes of each support pack file the appliance makes (the one it starts with and every run's). Generated on
    /// the fly as they are downloaded, so any size costs no memory. Default 70,000.
    /// </summary>
    public long SupportPackBytes { get; set; } = 70_000;

    /// <summary>
    /// Bytes of stored packets a search of the whole window finds; the capture is generated on the fly, whole
    /// packets up to about this size. Default 256 KiB. Only sensors and packetstores have packets.
    /// </summary>
    public long PacketCaptureBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// When set, the appliance serves a self-signed certificate of its own that expires this long after start
    /// (negative: already expired), instead of the host's certificate valid for a year; for certificate-expiry
    /// checks. <see cref="SimulatedAppliance.CertificateSha256"/> tells its fingerprint, to pin.
    /// </summary>
    public TimeSpan? CertificateLifetime { get; set; }

    /// <summary>Jobs that ended before the appliance started, listed by <c>GET /jobs</c> with the others (newest last).</summary>
    public IList<PastJob> JobHistory { get; } = new List<PastJob>();
}
