using System;
using System.Management.Automation;
using System.Net.Security;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Certificates;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Has appliances regenerate their self-signed TLS certificate (POST /extrahop/sslcert) and follows the job to its
    /// end. Then it reads the new certificate from a TLS handshake and shows its fingerprint. The module cannot know
    /// that certificate in advance, so a session that would refuse it is re-pinned only when the user confirms (or
    /// with -Force); otherwise the warning says how to trust it.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "EHCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ExtraHopCertificate))]
    public sealed class ResetEHCertificateCommand : JobFollowingCmdlet
    {
        /// <summary>How long to look for the new certificate after the job: the web server restarts once.</summary>
        private static readonly TimeSpan NewCertificateWait = TimeSpan.FromSeconds(60);

        private bool trustAll;
        private bool trustNone;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!ShouldProcessUnlessForced(Force, session.Server, "Regenerate the TLS certificate (clients that pin or trust the current one will refuse the new one)")) continue;
                if (!TryRunWithJob(session.Server, token => RegenerateAsync(session, token), out Outcome outcome)) continue;
                using (outcome.Seen?.Certificate)
                {
                    Finish(session, outcome);
                }
            }
        }

        private async System.Threading.Tasks.Task<Outcome> RegenerateAsync(ExtraHopSession session, System.Threading.CancellationToken token)
        {
            PresentedCertificate.Seen? current = await PresentedCertificate.ReadAsync(session, token).ConfigureAwait(false);
            string? before = current == null ? session.CertificateSha256 : TlsPolicy.Sha256Of(current.Certificate);
            current?.Certificate.Dispose();
            ExtraHopJob? job = await CertificateApi.RegenerateAsync(session, token).ConfigureAwait(false);
            bool followed = job == null;
            if (job != null)
            {
                try
                {
                    await FollowAsync(job, "Regenerating the TLS certificate", token).ConfigureAwait(false);
                    followed = true;
                }
                catch (ExtraHopApiException ex) when (ex.Kind == ApiFailureKind.CertificateUntrusted)
                {
                    // The web server already serves the new certificate, which this session does not trust yet; the
                    // job's end is read again once it does.
                }
            }
            TimeSpan wait = TimeSpan.FromSeconds(Math.Min(TimeoutSec, NewCertificateWait.TotalSeconds));
            var after = await PresentedCertificate.ReadChangedAsync(session, before, wait, token).ConfigureAwait(false);
            return new Outcome(job, followed, before, after);
        }

        /// <summary>On the pipeline thread: shows the new certificate, asks before trusting it, and sees the job to its end.</summary>
        private void Finish(ExtraHopSession session, Outcome outcome)
        {
            if (outcome.Seen == null)
            {
                WriteError(new ErrorRecord(new InvalidOperationException($"{session.Server} regenerated its certificate, but no TLS handshake with it succeeded within {NewCertificateWait.TotalSeconds:0} seconds, so the new certificate could not be read. Try Reset-EHCertificate's check again later with Connect-ExtraHop."),
                    ErrorIds.ConnectionFailed, ErrorCategory.ConnectionError, session.Server));
                return;
            }
            string sha = TlsPolicy.Sha256Of(outcome.Seen.Certificate);
            if (sha == outcome.Before) WriteWarning($"{session.Server} still presents its previous certificate (SHA-256 {sha}); the new one may take effect only after its web server restarts.");

            bool refused = session.TlsMode == TlsMode.Pinned ? session.CertificateSha256 != sha
                : session.TlsMode == TlsMode.Validated && outcome.Seen.Errors != SslPolicyErrors.None;
            if (refused)
            {
                string certificate = $"'{outcome.Seen.Certificate.Subject}', valid until {outcome.Seen.Certificate.NotAfter:yyyy-MM-dd}, SHA-256 {sha}";
                if (Trusts(session, certificate))
                {
                    int moved = CertificateTrust.Repin(session, session.TlsMode == TlsMode.Pinned ? session.CertificateSha256 : null, sha);
                    WriteVerbose($"{session.Server}: {moved} session(s) now pin the new certificate (SHA-256 {sha}).");
                    refused = false;
                }
                else
                {
                    WriteWarning($"The session to {session.Server} does not trust its new certificate ({certificate}) and will refuse it. Check the fingerprint on the appliance, then trust it: Connect-ExtraHop -Server '{session.Server}' -ApiKey <key> -CertificateThumbprint '{sha}'.");
                }
            }

            if (outcome.Job != null && !outcome.JobFollowed)
            {
                if (refused)
                {
                    WriteWarning($"The end of job {outcome.Job.Id} on {session.Server} was not seen; once the session trusts the new certificate: Wait-EHJob -Id '{outcome.Job.Id}' -Session '{session.Server}'.");
                }
                else if (!TryRunWithJob(session.Server, token => FollowAsync(outcome.Job, "Regenerating the TLS certificate", token), out ExtraHopJob _))
                {
                    return;
                }
            }
            WriteObject(new ExtraHopCertificate(outcome.Seen.Certificate, session));
        }

        /// <summary>-Force trusts without asking; otherwise the user confirms (yes to all / no to all across sessions). A host that cannot ask means no.</summary>
        private bool Trusts(ExtraHopSession session, string certificate)
        {
            if (Force) return true;
            try
            {
                return ShouldContinue(
                    $"{session.Server} now presents a new certificate: {certificate}. Compare the fingerprint with the one the appliance's Administration page shows. Trust this certificate for the session from now on?",
                    "Trust the appliance's new TLS certificate",
                    ref trustAll,
                    ref trustNone);
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is System.Management.Automation.Host.HostException)
            {
                return false;
            }
        }

        private sealed class Outcome
        {
            public Outcome(ExtraHopJob? job, bool jobFollowed, string? before, PresentedCertificate.Seen? seen)
            {
                Job = job;
                JobFollowed = jobFollowed;
                Before = before;
                Seen = seen;
            }

            public ExtraHopJob? Job { get; }
            public bool JobFollowed { get; }
            public string? Before { get; }
            public PresentedCertificate.Seen? Seen { get; }
        }
    }
}
