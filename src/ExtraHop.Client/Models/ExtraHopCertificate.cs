using System;
using System.Security.Cryptography.X509Certificates;
using ExtraHop.Http;
using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>
    /// The TLS certificate an appliance serves after Set-EHCertificate or Reset-EHCertificate: who it names, how long it
    /// is valid, its SHA-256 fingerprint (what -CertificateThumbprint pins), and whether the session now trusts it.
    /// </summary>
    public sealed class ExtraHopCertificate : ExtraHopObject
    {
        internal ExtraHopCertificate(X509Certificate2 certificate, ExtraHopSession session)
        {
            Subject = certificate.Subject;
            Issuer = certificate.Issuer;
            NotBefore = certificate.NotBefore;
            NotAfter = certificate.NotAfter;
            CertificateSha256 = TlsPolicy.Sha256Of(certificate);
            Session = session;
        }

        internal ExtraHopCertificate()
        {
        }

        [NotFromApi]
        public string? Subject { get; internal set; }

        [NotFromApi]
        public string? Issuer { get; internal set; }

        [NotFromApi]
        public DateTime NotBefore { get; internal set; }

        [NotFromApi]
        public DateTime NotAfter { get; internal set; }

        /// <summary>64 uppercase hex characters: the value for Connect-ExtraHop -CertificateThumbprint.</summary>
        [NotFromApi]
        public string CertificateSha256 { get; internal set; } = string.Empty;

        /// <summary>True when the session's pin is (now) this certificate; false when it still pins another, or pins none.</summary>
        [NotFromApi]
        public bool SessionPinned => Session != null && Session.TlsMode == TlsMode.Pinned && Session.CertificateSha256 == CertificateSha256;

        public override string ToString() => $"{Subject} on {Server} (SHA-256 {CertificateSha256})";
    }
}
