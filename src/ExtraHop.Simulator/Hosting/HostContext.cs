using System.Collections.Generic;
using System.Net.Http;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Recording;
using ExtraHop.Simulator.Time;
using ExtraHop.Simulator.Tls;

namespace ExtraHop.Simulator.Hosting;

/// <summary>What the appliances of one host share.</summary>
internal sealed record HostContext(
    SimulatedClock Clock,
    CertificateSet Certificates,
    RequestRecorder Requests,
    EventRecorder Events,
    BusyTracker Busy,
    ClusterDirectory Clusters,
    IReadOnlyList<FirmwareRelease> CloudReleases,
    HttpClient ImageDownloads,
    BackgroundWork Background);
