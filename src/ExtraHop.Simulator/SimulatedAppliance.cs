using System.Collections.Generic;
using System.Linq;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Hosting;

namespace ExtraHop.Simulator;

/// <summary>
/// One running simulated appliance, as tests see it: how to reach it, its credentials, its state, and its
/// fault switches. State properties are read fresh on every access (simulated time moves on).
/// </summary>
public sealed class SimulatedAppliance
{
    private readonly ApplianceRuntime _runtime;

    internal SimulatedAppliance(ApplianceRuntime runtime) => _runtime = runtime;

    /// <summary>The appliance's name, unique within its host; also the hostname it reports.</summary>
    public string Name => _runtime.Name;

    /// <summary>The appliance type it plays.</summary>
    public ApplianceRole Role => _runtime.Engine.Role;

    /// <summary>Its HTTPS port on 127.0.0.1 (stays the same across simulated reboots).</summary>
    public int Port => _runtime.Listener.Port;

    /// <summary>"localhost:&lt;port&gt;": what to pass as a server name (it matches the certificate).</summary>
    public string Server => $"localhost:{Port}";

    /// <summary>The API key of user "admin" (system=full).</summary>
    public string ApiKey => _runtime.ApiKey;

    /// <summary>The API key of user "auditor", who lacks system privileges (for 403 tests).</summary>
    public string LimitedApiKey => _runtime.LimitedApiKey;

    /// <summary>The password of user "setup", for creating its first API key (<c>POST /apikeys</c>).</summary>
    public string SetupPassword => _runtime.SetupPassword.Text;

    /// <summary>True while the user is locked out after too many wrong passwords.</summary>
    public bool IsLocked(string username) => _runtime.Locks.IsLocked(username);

    /// <summary>The user names on the appliance now (users are created and deleted through the API).</summary>
    public IReadOnlyList<string> Usernames => _runtime.Users.Users.Select(u => u.Username).ToArray();

    /// <summary>The firmware version running now (changes when a rebooting upgrade starts to boot).</summary>
    public string CurrentVersion => _runtime.Engine.Facts().CurrentVersion;

    /// <summary>The version of the image an upgrade would install: the last accepted upload or downloaded image.</summary>
    public string? UploadedVersion => _runtime.Engine.Facts().UploadedVersion;

    /// <summary>The shared ingest setting of this recordstore's cluster; false for other roles.</summary>
    public bool IngestEnabled => _runtime.Engine.IngestEnabled;

    /// <summary>The cluster name it was configured with (a recordstore without one is a cluster of its own).</summary>
    public string? ClusterName => _runtime.ClusterName;

    /// <summary>True while the port is closed or answering 503 because of a reboot.</summary>
    public bool IsRebooting => _runtime.Engine.Facts().Phase != RebootPhase.Up;

    /// <summary>
    /// SHA-256 of the certificate it serves: the host's <see cref="SimulatorHost.CertificateSha256"/>, until a reboot
    /// brings a new one (<see cref="ApplianceFaults.NewCertificateAfterReboot"/>).
    /// </summary>
    public string CertificateSha256 => _runtime.Listener.CertificateSha256;

    /// <summary>Failure injection for this appliance.</summary>
    public ApplianceFaults Faults => _runtime.Engine.Faults;

    /// <summary>Bytes of the last image that arrived (by upload or URL download), whether or not it was accepted.</summary>
    public long BytesReceivedLastUpload => _runtime.Engine.Facts().LastUploadBytes;

    /// <summary>SHA-256 of the last image that arrived, 64 uppercase hex characters; null before any.</summary>
    public string? LastUploadSha256 => _runtime.Engine.Facts().LastUploadSha256;

    /// <summary>The product key applied now (changes when a product key registration job ends DONE).</summary>
    public string ProductKey => _runtime.License.ProductKey;

    /// <summary>When the license expires; null for a license without end. Changes when a license registration job ends DONE.</summary>
    public System.DateTimeOffset? LicenseExpiresAt => _runtime.License.ExpiresAt;

    /// <summary>Makes every bearer token issued so far invalid: the next call with one gets 401. No effect without RevealX 360 credentials.</summary>
    public void ExpireTokens() => _runtime.Tokens?.ExpireAll();

    /// <summary>The names of the processes that are not running now.</summary>
    public IReadOnlyList<string> StoppedProcesses => _runtime.System.Processes().Where(p => p.UptimeSeconds is null).Select(p => p.Name).ToArray();

    /// <summary>Stops a process, as a crash would; <c>GET /extrahop/processes</c> shows it stopped until it is restarted.</summary>
    public void StopProcess(string name) => _runtime.System.StopProcess(name);

    /// <summary>Each service and whether it is enabled now.</summary>
    public IReadOnlyDictionary<string, bool> Services => _runtime.System.Services();

    /// <summary>The ticketing integration now: enabled, and the URL template.</summary>
    public (bool Enabled, string UrlTemplate) Ticketing => _runtime.System.Ticketing();

    /// <summary>True once the appliance was shut down (<c>POST /extrahop/shutdown</c>); it never comes back.</summary>
    public bool IsShutDown => _runtime.Engine.IsShutDown;

    /// <summary>The running config as the appliance sends it (JSON text).</summary>
    public string RunningConfigJson => _runtime.RunningConfig.Running;

    /// <summary>The saved copy of the running config as the appliance sends it.</summary>
    public string SavedConfigJson => _runtime.RunningConfig.Saved;
}
