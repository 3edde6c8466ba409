using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExtraHop.Simulator.Tls;

/// <summary>
/// The certificates of one host, made fresh at start: a private CA and a server certificate it signed,
/// shared by every simulated appliance. Clients that should verify TLS (Python requests with
/// REQUESTS_CA_BUNDLE, the official upgrade scripts) trust the CA; .NET clients do not trust it by
/// default, which is what tests of certificate pinning and "skip check" switches need.
/// The extensions follow what strict verifiers (OpenSSL's X509_STRICT, used by newer Pythons) demand:
/// a critical CA basic constraint, key usages, and subject/authority key identifiers.
/// </summary>
internal sealed class CertificateSet : IDisposable
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    private CertificateSet(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
        AuthorityPem = authority.ExportCertificatePem() + "\n";
        ServerSha256 = server.GetCertHashString(HashAlgorithmName.SHA256).ToUpperInvariant();
    }

    /// <summary>The CA certificate (without its private key: nothing needs to sign after start).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key.</summary>
    public X509Certificate2 Server { get; }

    public string AuthorityPem { get; }

    /// <summary>SHA-256 of the server certificate: 64 uppercase hex characters, what pinning clients compare.</summary>
    public string ServerSha256 { get; }

    public static CertificateSet Create()
    {
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        var notAfter = notBefore + Validity;

        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=ExtraHop Simulator CA, O=ExtraHop Simulator", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var authoritySki = new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false);
        authorityRequest.CertificateExtensions.Add(authoritySki);
        using var authorityWithKey = authorityRequest.CreateSelfSigned(notBefore, notAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost, O=ExtraHop Simulator", serverKey, HashAlgorithmName.SHA256);
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication") }, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(serverRequest.PublicKey, false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(authoritySki));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // keep the serial number positive
        using var signed = serverRequest.Create(authorityWithKey, notBefore, notAfter, serial);
        using var signedWithKey = signed.CopyWithPrivateKey(serverKey);

        // Round-trip through PKCS#12 so the key is usable by SslStream on every OS
        // (Windows refuses ephemeral keys for TLS servers).
        var server = X509CertificateLoader.LoadPkcs12(signedWithKey.Export(X509ContentType.Pkcs12), null);
        var authority = X509CertificateLoader.LoadCertificate(authorityWithKey.RawData);
        return new CertificateSet(authority, server);
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
