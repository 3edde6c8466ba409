using System;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using ExtraHop;

namespace ExtraHop.Http
{
    /// <summary>
    /// Decides, per connection, whether to trust the appliance's certificate: the platform's validation by
    /// default, a SHA-256 fingerprint pin for self-signed appliances, or no check at all when asked.
    /// Never touches process-wide state such as ServicePointManager's callback.
    /// </summary>
    internal sealed class TlsPolicy
    {
        private volatile string? lastRefusedSha256;
        private int refusals;

        private TlsPolicy(TlsMode mode, string? pinnedSha256)
        {
            Mode = mode;
            PinnedSha256 = pinnedSha256;
        }

        public TlsMode Mode { get; }

        /// <summary>64 uppercase hex characters, when <see cref="Mode"/> is <see cref="TlsMode.Pinned"/>.</summary>
        public string? PinnedSha256 { get; }

        /// <summary>The fingerprint of the last certificate this policy refused, for an error that says what to pin.</summary>
        public string? LastRefusedSha256 => lastRefusedSha256;

        /// <summary>Counts refusals, so a failed request can tell whether this policy (not the network) ended its handshake.</summary>
        public int Refusals => Volatile.Read(ref refusals);

        public static TlsPolicy Validate() => new TlsPolicy(TlsMode.Validated, null);

        public static TlsPolicy Skip() => new TlsPolicy(TlsMode.Skipped, null);

        public static TlsPolicy Pin(string thumbprint) => new TlsPolicy(TlsMode.Pinned, NormalizeSha256(thumbprint));

        /// <summary>Accepts the forms people copy from browsers and openssl: colons, spaces, dashes, any case.</summary>
        public static string NormalizeSha256(string thumbprint)
        {
            var hex = new StringBuilder(64);
            foreach (char c in thumbprint ?? string.Empty)
            {
                if (c == ':' || c == ' ' || c == '-' || c == '\u200e' || c == '\u200f') continue;
                if (!Uri.IsHexDigit(c))
                {
                    throw new ArgumentException($"The certificate thumbprint contains '{c}', which is not a hexadecimal digit.", nameof(thumbprint));
                }
                hex.Append(char.ToUpperInvariant(c));
            }

            if (hex.Length != 64)
            {
                string hint = hex.Length == 40 ? " That looks like a SHA-1 thumbprint; give the SHA-256 fingerprint instead." : string.Empty;
                throw new ArgumentException($"The certificate thumbprint has {hex.Length} hexadecimal digits; a SHA-256 fingerprint has 64.{hint}", nameof(thumbprint));
            }
            return hex.ToString();
        }

        public static string Sha256Of(X509Certificate certificate)
        {
            using (SHA256 sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(certificate.GetRawCertData());
                var hex = new StringBuilder(hash.Length * 2);
                foreach (byte b in hash) hex.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                return hex.ToString();
            }
        }

        /// <summary>The HttpClientHandler callback.</summary>
        public bool Check(X509Certificate2? certificate, SslPolicyErrors errors)
        {
            switch (Mode)
            {
                case TlsMode.Skipped:
                    return true;
                case TlsMode.Pinned:
                    if (certificate == null) return false;
                    string presented = Sha256Of(certificate);
                    if (string.Equals(presented, PinnedSha256, StringComparison.Ordinal)) return true;
                    Refuse(presented);
                    return false;
                default:
                    if (errors == SslPolicyErrors.None) return true;
                    Refuse(certificate == null ? null : Sha256Of(certificate));
                    return false;
            }
        }

        private void Refuse(string? sha256)
        {
            lastRefusedSha256 = sha256;
            Interlocked.Increment(ref refusals);
        }
    }
}
