using System;
using System.Net.Http;
using System.Security.Cryptography;

namespace ExtraHop.Benchmarks;

/// <summary>The baselines' HttpClient: it trusts exactly the simulator's certificate, as the module's pinned sessions do.</summary>
internal static class PinnedHttpClient
{
    public static HttpClient Create(string certificateSha256, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null
                    && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), certificateSha256, StringComparison.OrdinalIgnoreCase),
            },
        };
        return new HttpClient(handler) { Timeout = timeout };
    }
}
