using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace ExtraHop.Certificates
{
    /// <summary>
    /// The subject and subject alternative names of a certificate signing request, checked before they are sent, in
    /// the body the reference gives for POST /extrahop/sslcert/signingrequest (VERIFIED; the "ip" type is INFERRED
    /// by analogy with "dns").
    /// </summary>
    internal sealed class SigningRequestFields
    {
        public string CommonName { get; set; } = string.Empty;
        public string? CountryCode { get; set; }
        public string? EmailAddress { get; set; }
        public string? Locality { get; set; }
        public string? Organization { get; set; }
        public string? OrganizationalUnit { get; set; }
        public string? State { get; set; }
        public string[] DnsNames { get; set; } = new string[0];
        public string[] IPAddresses { get; set; } = new string[0];

        /// <exception cref="ArgumentException">A value that cannot be in a certificate request.</exception>
        public void Validate()
        {
            if (CountryCode != null && (CountryCode.Length != 2 || !CountryCode.All(c => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))))
            {
                throw new ArgumentException($"-Country '{CountryCode}' is not a two-letter country code (ISO 3166, such as US or DE).");
            }
            foreach (string address in IPAddresses)
            {
                // IPAddress.TryParse takes legacy forms such as "10.1.2"; a certificate wants the address written out.
                bool written = address.Contains(":") || address.Split('.').Length == 4;
                if (!written || !IPAddress.TryParse(address, out _)) throw new ArgumentException($"-IPAddress '{address}' is not an IP address.");
            }
            foreach (string name in DnsNames)
            {
                if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '/' || c == ':'))
                {
                    throw new ArgumentException($"-DnsName '{name}' is not a DNS name.");
                }
            }
        }

        public Dictionary<string, object> ToBody()
        {
            var subject = new Dictionary<string, object> { ["common_name"] = CommonName };
            Add(subject, "country_code", CountryCode?.ToUpperInvariant());
            Add(subject, "email_address", EmailAddress);
            Add(subject, "locality_name", Locality);
            Add(subject, "organization_name", Organization);
            Add(subject, "organizational_unit_name", OrganizationalUnit);
            Add(subject, "state_or_province_name", State);
            var names = DnsNames.Select(n => new Dictionary<string, string> { ["type"] = "dns", ["name"] = n })
                .Concat(IPAddresses.Select(a => new Dictionary<string, string> { ["type"] = "ip", ["name"] = a }))
                .ToArray();
            var body = new Dictionary<string, object> { ["subject"] = subject };
            if (names.Length > 0) body["subject_alternative_names"] = names;
            return body;
        }

        private static void Add(Dictionary<string, object> map, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) map[name] = value!;
        }
    }
}
