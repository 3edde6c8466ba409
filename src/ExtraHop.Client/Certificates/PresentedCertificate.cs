using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Certificates
{
    /// <summary>
    /// The certificate an appliance presents in the TLS handshake, read by a connection of its own that ends at the
    /// handshake: it refuses every certificate, so no request and no credential is ever sent. It goes through the
    /// session's proxy, as the session's own requests do.
    /// </summary>
    internal static class PresentedCertificate
    {
        public sealed class Seen
        {
            public Seen(X509Certificate2 certificate, SslPolicyErrors errors)
            {
                Certificate = certificate;
                Errors = errors;
            }

            public X509Certificate2 Certificate { get; }

            /// <summary>What the platform's own validation found; None means a session that validates would trust it.</summary>
            public SslPolicyErrors Errors { get; }
        }

        /// <summary>The presented certificate, or null when the appliance could not be reached within the session's timeout.</summary>
        public static async Task<Seen?> ReadAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            Seen? seen = null;
            using (HttpClient client = HttpClientFactory.Create(session.Connection.Settings, (certificate, errors) =>
            {
                if (certificate != null) seen = new Seen(new X509Certificate2(certificate.RawData), errors);
                return false;
            }))
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                limit.CancelAfter(session.Timeout);
                try
                {
                    using (await client.GetAsync(session.Connection.Resolve("extrahop"), limit.Token).ConfigureAwait(false))
                    {
                    }
                }
                catch (Exception ex) when (RequestFailures.IsTransport(ex))
                {
                    // Expected: the handshake was refused on purpose, or the appliance is restarting.
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The appliance did not answer in time.
                }
            }
            return seen;
        }

        /// <summary>
        /// Reads the presented certificate until it is another than <paramref name="before"/> (an appliance restarts its
        /// web server after making a new certificate, so for a moment it may still present the old one, or none), or
        /// until <paramref name="within"/> has passed; then returns the last one seen.
        /// </summary>
        public static async Task<Seen?> ReadChangedAsync(ExtraHopSession session, string? before, TimeSpan within, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + within;
            Seen? last = null;
            while (true)
            {
                Seen? seen = await ReadAsync(session, cancellationToken).ConfigureAwait(false);
                if (seen != null)
                {
                    last?.Certificate.Dispose();
                    last = seen;
                    if (TlsPolicy.Sha256Of(seen.Certificate) != before) return seen;
                }
                if (DateTime.UtcNow >= deadline) return last;
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
