using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExtraHop.Simulator.Tls;

/// <summary>
/// Certificate signing requests as POST /extrahop/sslcert/signingrequest makes them: a new RSA key (which a real
/// appliance keeps for the certificate to come; the simulator has no use for it) and a PKCS#10 request in PEM.
/// </summary>
internal static class SigningRequests
{
    public static string Create(SubjectFields subject, IEnumerable<(string Type, string Name)> alternativeNames)
    {
        var name = new X500DistinguishedNameBuilder();
        Add(subject.CountryCode, name.AddCountryOrRegion);
        Add(subject.StateOrProvinceName, value => name.AddStateOrProvinceName(value));
        Add(subject.LocalityName, value => name.AddLocalityName(value));
        Add(subject.OrganizationName, value => name.AddOrganizationName(value));
        Add(subject.OrganizationalUnitName, value => name.AddOrganizationalUnitName(value));
        Add(subject.EmailAddress, value => name.AddEmailAddress(value));
        name.AddCommonName(subject.CommonName!);

        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        var any = false;
        foreach (var (type, value) in alternativeNames)
        {
            if (type == "ip" && IPAddress.TryParse(value, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(value);
            }

            any = true;
        }

        if (any)
        {
            request.CertificateExtensions.Add(names.Build());
        }

        return request.CreateSigningRequestPem();
    }

    private static void Add(string? value, System.Action<string> add)
    {
        if (!string.IsNullOrEmpty(value))
        {
            add(value);
        }
    }
}

/// <summary>The <c>subject</c> of a signing request, as the reference names its fields.</summary>
internal sealed record SubjectFields(
    string? CommonName,
    string? CountryCode,
    string? EmailAddress,
    string? LocalityName,
    string? OrganizationName,
    string? OrganizationalUnitName,
    string? StateOrProvinceName);
