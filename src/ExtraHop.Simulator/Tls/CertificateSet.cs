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
        var serverRequest = ServerRequest(serverKey);
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(authoritySki));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // keep the serial number positive
        using var signed = serverRequest.Create(authorityWithKey, notBefore, notAfter, serial);
        using var signedWithKey = signed.CopyWithPrivateKey(serverKey);

        var server = UsableByTlsServers(signedWithKey);
        var authority = X509CertificateLoader.LoadCertificate(authorityWithKey.RawData);
        return new CertificateSet(authority, server);
    }

    /// <summary>
    /// A new self-signed server certificate, as an appliance makes when it regenerates its own (some do while
    /// upgrading): same names, another key, so another fingerprint, and not signed by this host's CA.
    /// <paramref name="lifetime"/> sets when it expires, counted from now (negative: it has already expired);
    /// by default it is valid for a year.
    /// </summary>
    public static X509Certificate2 CreateSelfSignedServer(TimeSpan? lifetime = null)
    {
        var now = DateTimeOffset.UtcNow;
        var notAfter = now + (lifetime ?? Validity);
        var notBefore = notAfter - now < TimeSpan.FromDays(1) ? notAfter - Validity : now.AddHours(-1);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var selfSigned = ServerRequest(key).CreateSelfSigned(notBefore, notAfter);
        return UsableByTlsServers(selfSigned);
    }

    /// <summary>A server certificate request for localhost and the loopback addresses.</summary>
    private static CertificateRequest ServerRequest(ECDsa key)
    {
        var request = new CertificateRequest("CN=localhost, O=ExtraHop Simulator", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication") }, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    /// <summary>
    /// Round-trips through PKCS#12 so the key is usable by SslStream on every OS (Windows refuses ephemeral keys for
    /// TLS servers).
    /// </summary>
    public static X509Certificate2 UsableByTlsServers(X509Certificate2 withKey) =>
        X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
