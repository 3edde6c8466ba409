using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace ExtraHop.Http
{
    /// <summary>Builds the one HttpClient of a connection, with its TLS policy, proxy and redirect rules on its own handler.</summary>
    internal static class HttpClientFactory
    {
        // SslProtocols.Tls13 is not in netstandard2.0's enum, but the runtimes that support it understand the value.
        private const SslProtocols Tls13 = (SslProtocols)12288;
        private static readonly object FrameworkTlsLock = new object();

        /// <param name="checkCertificate">Replaces the settings' TLS policy, for a client that only looks at the certificate presented.</param>
        /// <exception cref="ArgumentException">The proxy or its credentials cannot be used.</exception>
        public static HttpClient Create(ConnectionSettings settings, Func<X509Certificate2?, SslPolicyErrors, bool>? checkCertificate = null)
        {
            if (settings.Proxy != null) ProxyAddress.Check(settings.Proxy, settings.ProxyCredentials);
            EnsureTls12OnNetFramework();
            var handler = new HttpClientHandler
            {
                // Redirects are followed by ApiConnection, which drops credentials when the host changes.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => (checkCertificate ?? settings.Tls.Check)(certificate, errors),
            };

            try
            {
                handler.SslProtocols = SslProtocols.Tls12 | Tls13;
            }
            catch (PlatformNotSupportedException)
            {
                // Older .NET Framework builds cannot set this per handler; EnsureTls12OnNetFramework covers them.
            }

            if (settings.Proxy != null)
            {
                handler.Proxy = new WebProxy(settings.Proxy) { Credentials = settings.ProxyCredentials };
                handler.UseProxy = true;
            }

            // Each request gets its own timeout (uploads police stalls instead), so the client itself never times out.
            return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>
        /// Windows PowerShell 5.1 may not offer TLS 1.2. Add it (bitwise OR, never replacing the caller's choice,
        /// and not when the process already defers to the operating system).
        /// </summary>
        private static void EnsureTls12OnNetFramework()
        {
            if (!RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)) return;
            lock (FrameworkTlsLock)
            {
                SecurityProtocolType current = ServicePointManager.SecurityProtocol;
                if (current != 0 && (current & SecurityProtocolType.Tls12) == 0)
                {
                    ServicePointManager.SecurityProtocol = current | SecurityProtocolType.Tls12;
                }
            }
        }
    }
}
