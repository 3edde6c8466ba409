using System.Management.Automation;
using System.Security;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Certificates;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Replaces appliances' TLS certificate with a certificate and its private key, from PEM files or a PFX file
    /// (PUT /extrahop/sslcert). Everything is checked before sending: a key is there, it belongs to the certificate, the
    /// PFX password opens the file; an expired certificate is sent with a warning. A session that pins the old
    /// certificate pins the new one afterwards, so it keeps working. The key is held in memory only, and cleared.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EHCertificate", SupportsShouldProcess = true, DefaultParameterSetName = PemSet)]
    [OutputType(typeof(ExtraHopCertificate))]
    public sealed class SetEHCertificateCommand : ExtraHopCmdlet
    {
        private const string PemSet = "Pem";
        private const string PfxSet = "Pfx";

        /// <summary>How long the appliance gets to restart its web server with the new certificate.</summary>
        private static readonly System.TimeSpan ServedWithin = System.TimeSpan.FromSeconds(60);

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PemSet)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        [Parameter(ParameterSetName = PemSet)]
        [ValidateNotNullOrEmpty]
        public string? KeyPath { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PfxSet)]
        [ValidateNotNullOrEmpty]
        public string? PfxPath { get; set; }

        [Parameter(ParameterSetName = PfxSet)]
        public SecureString? PfxPassword { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            ExtraHopSession[] sessions = ResolveSessions(Session);
            string given = PfxPath ?? Path!;
            if (!TryPrepare(given, Load, out CertificateBundle bundle)) return;
            using (bundle)
            {
                string subject = bundle.Certificate.Subject;
                if (bundle.IsExpired) WriteWarning($"The certificate ({subject}) expired on {bundle.Certificate.NotAfter:yyyy-MM-dd}; browsers and clients that validate will refuse it.");
                else if (bundle.IsNotYetValid) WriteWarning($"The certificate ({subject}) is valid only from {bundle.Certificate.NotBefore:yyyy-MM-dd HH:mm}; until then clients that validate will refuse it.");

                foreach (ExtraHopSession session in sessions)
                {
                    if (!ShouldProcessOrExplain(session.Server, $"Replace the TLS certificate with '{subject}' (SHA-256 {bundle.Sha256})")) continue;
                    string? oldPin = session.CertificateSha256;
                    if (!TryRun(session.Server, async token =>
                    {
                        var current = await PresentedCertificate.ReadAsync(session, token).ConfigureAwait(false);
                        using (current?.Certificate)
                        {
                            return current == null ? null : TlsPolicy.Sha256Of(current.Certificate);
                        }
                    }, out string? oldServed)) continue;
                    bool wasPinned = session.TlsMode == TlsMode.Pinned;
                    if (!TryRun(session.Server, async token =>
                    {
                        await CertificateApi.ReplaceAsync(session, bundle, token).ConfigureAwait(false);
                        // The appliance's web server restarts to serve it: the command ends once it does, so the next one finds it up.
                        var served = await PresentedCertificate.ReadChangedAsync(session, oldServed, ServedWithin, token).ConfigureAwait(false);
                        using (served?.Certificate)
                        {
                            return served != null && TlsPolicy.Sha256Of(served.Certificate) == bundle.Sha256;
                        }
                    }, out bool served)) continue;
                    if (!served) WriteWarning($"{session.Server} accepted the certificate but did not serve it within {ServedWithin.TotalSeconds:0} seconds; it may still be restarting its web server.");
                    if (wasPinned)
                    {
                        int moved = CertificateTrust.Repin(session, oldPin, bundle.Sha256);
                        WriteVerbose($"{session.Server}: {moved} session(s) now pin the new certificate (SHA-256 {bundle.Sha256}).");
                    }
                    if (PassThru) WriteObject(new ExtraHopCertificate(bundle.Certificate, session));
                }
            }
        }

        private CertificateBundle Load() => ParameterSetName == PfxSet
            ? CertificateBundle.FromPfx(Resolve(PfxPath!), PfxPassword)
            : CertificateBundle.FromPem(Resolve(Path!), KeyPath == null ? null : Resolve(KeyPath));

        private string Resolve(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
    }
}
