using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Http
{
    /// <summary>The certificate an appliance presented in a TLS handshake.</summary>
    internal sealed class PresentedCertificate
    {
        public PresentedCertificate(string subject, DateTimeOffset notAfter, string sha256)
        {
            Subject = subject;
            NotAfter = notAfter;
            Sha256 = sha256;
        }

        public string Subject { get; }
        public DateTimeOffset NotAfter { get; }
        public string Sha256 { get; }
    }

    /// <summary>
    /// Reads the certificate an appliance presents by making a TLS handshake of its own, then closing the
    /// connection without sending a byte. The session's HttpClient keeps its connections open, so the certificate
    /// it once validated can be older than the one the appliance serves now (after a replace or a regenerate);
    /// a fresh handshake sees what a browser would see tonight. The certificate is accepted whatever it is, as
    /// nothing (no credential, no request) goes over this connection; trusting it is the session's business.
    /// </summary>
    internal static class CertificateProbe
    {
        // SslProtocols.Tls13 is not in netstandard2.0's enum, but the runtimes that support it understand the value.
        private const SslProtocols Tls12And13 = SslProtocols.Tls12 | (SslProtocols)12288;

        /// <exception cref="IOException">The connection or the handshake failed.</exception>
        /// <exception cref="SocketException">The host could not be reached.</exception>
        /// <exception cref="AuthenticationException">No TLS version both sides speak.</exception>
        public static async Task<PresentedCertificate> ReadAsync(Uri baseUri, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            // The parameterless TcpClient connects to a name over IPv4 or IPv6, whichever the name resolves to.
            using (var client = new TcpClient())
            {
                limit.CancelAfter(timeout);
                // netstandard2.0's ConnectAsync and AuthenticateAsClientAsync take no token: closing the socket ends them.
                using (limit.Token.Register(() => client.Dispose()))
                {
                    try
                    {
                        await client.ConnectAsync(baseUri.DnsSafeHost, baseUri.Port).ConfigureAwait(false);
                        X509Certificate? presented = null;
                        using (var tls = new SslStream(client.GetStream(), false, (sender, certificate, chain, errors) =>
                        {
                            presented = certificate;
                            return true;
                        }))
                        {
                            await tls.AuthenticateAsClientAsync(baseUri.DnsSafeHost, null, Tls12And13, checkCertificateRevocation: false).ConfigureAwait(false);
                            if (presented == null) throw new AuthenticationException($"{baseUri.Authority} presented no certificate.");
                            using (var certificate = new X509Certificate2(presented))
                            {
                                return new PresentedCertificate(certificate.Subject, new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero), TlsPolicy.Sha256Of(certificate));
                            }
                        }
                    }
                    catch (Exception ex) when (limit.IsCancellationRequested && !(ex is OperationCanceledException))
                    {
                        // The socket was closed under the handshake: say why, not "object disposed".
                        cancellationToken.ThrowIfCancellationRequested();
                        throw new IOException($"The TLS handshake with {baseUri.Authority} did not finish within {timeout.TotalSeconds:0.#} s.", ex);
                    }
                }
            }
        }
    }
}
