using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Certificates;
using ExtraHop.Models;

namespace ExtraHop.Health.Checks
{
    /// <summary>
    /// The TLS certificate the appliance presents in a handshake made now (through the session's proxy, ending at the
    /// handshake so nothing is sent): expired is critical, expiring within the threshold a warning.
    /// </summary>
    internal sealed class CertificateCheck : IHealthCheck
    {
        public HealthCheck Name => HealthCheck.Certificate;

        public async Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(HealthContext context, CancellationToken cancellationToken)
        {
            ExtraHopSession session = context.Session;
            // A plain-http session (-AllowUnencryptedAuthentication) has no certificate to expire.
            if (session.BaseUri.Scheme != Uri.UriSchemeHttps) return Enumerable.Empty<ExtraHopHealthFinding>();

            // A handshake of its own, not the session's kept-alive connection: the certificate served now, after any replace or regenerate.
            PresentedCertificate.Seen? seen = await PresentedCertificate.ReadAsync(session, cancellationToken).ConfigureAwait(false);
            if (seen == null) return context.One(Name, HealthStatus.Warning, "Could not be checked: no TLS handshake with the appliance succeeded.");
            using (X509Certificate2 certificate = seen.Certificate)
            {
                var expires = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
                return context.One(Name, Expiry.Judge(expires, context.Now, context.Options.CertificateWarningDays, out int daysLeft), Expiry.Describe(expires, context.Now) + ".", daysLeft);
            }
        }
    }
}
