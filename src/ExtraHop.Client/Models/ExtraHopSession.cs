using System;
using ExtraHop.Http;

namespace ExtraHop.Models
{
    /// <summary>
    /// A live connection to one appliance, returned by Connect-ExtraHop and taken by every other cmdlet's
    /// -Session. It shows where it is connected and how, never the credential.
    /// </summary>
    public sealed class ExtraHopSession
    {
        internal ExtraHopSession(ApiConnection connection, ExtraHopSystem system)
        {
            Connection = connection;
            Server = connection.Address.DisplayName;
            BaseUri = connection.Address.BaseUri;
            Hostname = system.Hostname;
            Version = system.Version;
            Platform = system.Platform;
            Role = system.Role;
            AuthKind = connection.Authenticator.Kind;
            TlsMode = connection.Settings.Tls.Mode;
            CertificateSha256 = connection.Settings.Tls.PinnedSha256;
            Proxy = connection.Settings.Proxy;
            Timeout = connection.Settings.Timeout;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>The name the session was connected with (host, or host:port): how -Session finds it by name.</summary>
        public string Server { get; }
        public Uri BaseUri { get; }
        /// <summary>The host name the appliance reports for itself.</summary>
        public string? Hostname { get; }
        /// <summary>The firmware version when the session connected (Get-EHSystem reads it anew).</summary>
        public string? Version { get; internal set; }
        public string? Platform { get; }
        public ApplianceRole Role { get; }
        public AuthKind AuthKind { get; }
        public TlsMode TlsMode { get; private set; }
        /// <summary>The pinned certificate fingerprint, when the session pins one.</summary>
        public string? CertificateSha256 { get; private set; }
        public Uri? Proxy { get; }
        public TimeSpan Timeout { get; }
        public DateTimeOffset ConnectedAt { get; }
        /// <summary>True while this is the default session of the runspace that connected it.</summary>
        public bool IsDefault { get; internal set; }
        /// <summary>False after Disconnect-ExtraHop.</summary>
        public bool IsConnected { get; private set; } = true;

        internal ApiConnection Connection { get; }

        /// <summary>
        /// From now on trusts exactly this certificate: for an appliance that came back from an upgrade's restart with
        /// a regenerated one, when the user accepted that (-AcceptNewCertificate).
        /// </summary>
        internal void TrustOnly(string sha256)
        {
            TlsPolicy pinned = TlsPolicy.Pin(sha256);
            Connection.Settings.Tls = pinned;
            TlsMode = pinned.Mode;
            CertificateSha256 = pinned.PinnedSha256;
        }

        internal void Close()
        {
            IsConnected = false;
            IsDefault = false;
            Connection.Dispose();
        }

        public override string ToString() => $"{Server} ({Role}, {Version ?? "unknown version"})";
    }
}
