using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Health.Checks
{
    /// <summary>The TLS certificate the appliance presents in a handshake made now: expired is critical, expiring within the threshold a warning.</summary>
    internal sealed class CertificateCheck : IHealthCheck
    {
        public HealthCheck Name => HealthCheck.Certificate;

        public async Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(HealthContext context, CancellationToken cancellationToken)
        {
            ExtraHopSession session = context.Session;
            // A plain-http session (-AllowUnencryptedAuthentication) has no certificate to expire.
            if (session.BaseUri.Scheme != Uri.UriSchemeHttps) return Enumerable.Empty<ExtraHopHealthFinding>();
            if (session.Proxy != null)
            {
                // The probe connects directly; through a proxy it would have to speak the proxy's protocol and credentials.
                return context.One(Name, HealthStatus.OK, "Not checked: the session connects through a proxy.");
            }

            PresentedCertificate certificate = await CertificateProbe.ReadAsync(session.BaseUri, session.Timeout, cancellationToken).ConfigureAwait(false);
            return context.One(Name, Judge(certificate.NotAfter, context.Now, context.Options.CertificateWarningDays, out int daysLeft),
                Describe(certificate.NotAfter, context.Now) + ".", daysLeft);
        }

        /// <summary>Critical once expired, a warning within <paramref name="warningDays"/>; <paramref name="daysLeft"/> is whole days, negative once expired.</summary>
        internal static HealthStatus Judge(DateTimeOffset expires, DateTimeOffset now, int warningDays, out int daysLeft)
        {
            daysLeft = (int)Math.Floor((expires - now).TotalDays);
            if (expires <= now) return HealthStatus.Critical;
            return daysLeft < warningDays ? HealthStatus.Warning : HealthStatus.OK;
        }

        /// <summary>"Expires 2027-01-01 (in 12 days)", or "Expired 2026-11-30 (3 days ago)": short, as it is read in an 80-column table.</summary>
        internal static string Describe(DateTimeOffset expires, DateTimeOffset now)
        {
            string date = expires.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            double days = (expires - now).TotalDays;
            if (days <= 0) return $"Expired {date} ({Days(-days)} ago)";
            return $"Expires {date} (in {Days(days)})";
        }

        private static string Days(double days)
        {
            int whole = (int)Math.Floor(days);
            return whole == 1 ? "1 day" : whole == 0 ? "less than a day" : $"{whole} days";
        }
    }
}
