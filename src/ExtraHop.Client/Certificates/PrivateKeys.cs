using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExtraHop.Api;

namespace ExtraHop.Certificates
{
    /// <summary>
    /// Private keys in the PEM forms openssl and certificate authorities hand out (PKCS#8, PKCS#1 RSA, SEC1 EC): the
    /// public half each implies, to tell whether a key belongs to a certificate, and the PEM of a PFX's key.
    /// </summary>
    internal static class PrivateKeys
    {
        private const string RsaAlgorithm = "1.2.840.113549.1.1.1";
        private const string EcAlgorithm = "1.2.840.10045.2.1";
        private static readonly byte[] RsaOid = Der.Oid(RsaAlgorithm);
        private static readonly byte[] EcOid = Der.Oid(EcAlgorithm);

        /// <summary>The RSA modulus or the EC public point the key implies.</summary>
        public static byte[] PublicPart(PemBlock key)
        {
            try
            {
                switch (key.Label)
                {
                    case "RSA PRIVATE KEY": return RsaModulus(Der.Single(key.Der, Der.Sequence));
                    case "EC PRIVATE KEY": return EcPoint(Der.Single(key.Der, Der.Sequence));
                    case "PRIVATE KEY": return FromPkcs8(Der.Single(key.Der, Der.Sequence));
                    case "ENCRYPTED PRIVATE KEY":
                        throw Refused("The private key is encrypted; the appliance takes it unencrypted. Decrypt it (openssl pkey -in key.pem -out plain.pem), or give a PFX file with its password.");
                    default:
                        throw Refused($"The key block '{key.Label}' is not a private key the module can check.");
                }
            }
            catch (FormatException)
            {
                throw Refused($"The {key.Label} block is damaged.");
            }
        }

        /// <summary>The same for the certificate's public key; null for a kind of key other than RSA and EC.</summary>
        public static byte[]? PublicPart(X509Certificate2 certificate)
        {
            string algorithm = certificate.PublicKey.Oid.Value ?? string.Empty;
            if (algorithm == RsaAlgorithm)
            {
                using (RSA? rsa = certificate.GetRSAPublicKey())
                {
                    return rsa == null ? null : Trim(rsa.ExportParameters(false).Modulus!);
                }
            }
            return algorithm == EcAlgorithm ? certificate.PublicKey.EncodedKeyValue.RawData : null;
        }

        /// <summary>The private key of a certificate opened from a PFX, as a PEM block (PKCS#1 for RSA, SEC1 for EC).</summary>
        public static PemBlock FromCertificate(X509Certificate2 certificate)
        {
            try
            {
                using (RSA? rsa = certificate.GetRSAPrivateKey())
                {
                    if (rsa != null) return new PemBlock("RSA PRIVATE KEY", Pkcs1(rsa.ExportParameters(true)));
                }
                using (ECDsa? ec = certificate.GetECDsaPrivateKey())
                {
                    if (ec != null) return new PemBlock("EC PRIVATE KEY", Sec1(ec.ExportParameters(true)));
                }
            }
            catch (CryptographicException ex)
            {
                throw Refused("The PFX file's private key cannot be exported: " + ex.Message, ex);
            }
            throw Refused("The PFX file holds a kind of key the module cannot send (only RSA and EC keys).");
        }

        private static byte[] FromPkcs8(ArraySegment<byte> info)
        {
            var parts = Der.Children(info);
            if (parts.Count < 3 || parts[1].Tag != Der.Sequence || parts[2].Tag != Der.OctetString) throw new FormatException();
            var algorithm = Der.Children(parts[1].Content);
            byte[] oid = Der.ToArray(algorithm[0].Content);
            byte[] inner = Der.ToArray(parts[2].Content);
            try
            {
                if (oid.SequenceEqual(RsaOid)) return RsaModulus(Der.Single(inner, Der.Sequence));
                if (oid.SequenceEqual(EcOid)) return EcPoint(Der.Single(inner, Der.Sequence));
                throw Refused("The private key is neither RSA nor EC; the module can check only those.");
            }
            finally
            {
                Array.Clear(inner, 0, inner.Length);
            }
        }

        private static byte[] RsaModulus(ArraySegment<byte> rsaPrivateKey)
        {
            var parts = Der.Children(rsaPrivateKey);
            if (parts.Count < 3 || parts[1].Tag != Der.Integer) throw new FormatException();
            return Der.Unsigned(parts[1].Content);
        }

        /// <summary>SEC1 keys carry their public point in the optional [1] field; openssl and .NET always write it.</summary>
        private static byte[] EcPoint(ArraySegment<byte> ecPrivateKey)
        {
            foreach (var part in Der.Children(ecPrivateKey))
            {
                if (part.Tag != 0xA1) continue;
                var bits = Der.Children(part.Content);
                if (bits.Count != 1 || bits[0].Tag != Der.BitString || bits[0].Content.Count < 2) throw new FormatException();
                return Der.ToArray(new ArraySegment<byte>(bits[0].Content.Array!, bits[0].Content.Offset + 1, bits[0].Content.Count - 1));
            }
            throw Refused("The EC private key does not carry its public key, so the module cannot tell whether it matches the certificate.");
        }

        private static byte[] Pkcs1(RSAParameters key)
        {
            byte[][] fields = { new byte[] { 0 }, key.Modulus!, key.Exponent!, key.D!, key.P!, key.Q!, key.DP!, key.DQ!, key.InverseQ! };
            var body = new MemoryStream();
            try
            {
                foreach (byte[] field in fields)
                {
                    byte[] integer = Der.PositiveInteger(field);
                    Der.Write(body, Der.Integer, integer);
                    Array.Clear(integer, 0, integer.Length);
                }
                return Wrap(body);
            }
            finally
            {
                foreach (byte[]? field in new[] { key.D, key.P, key.Q, key.DP, key.DQ, key.InverseQ }) if (field != null) Array.Clear(field, 0, field.Length);
            }
        }

        private static byte[] Sec1(ECParameters key)
        {
            string curve = CurveOid(key.Curve);
            var body = new MemoryStream();
            try
            {
                Der.Write(body, Der.Integer, new byte[] { 1 });
                Der.Write(body, Der.OctetString, key.D!);
                Der.Write(body, 0xA0, Tagged(Der.ObjectIdentifier, Der.Oid(curve)));
                byte[] point = new byte[1 + key.Q.X!.Length + key.Q.Y!.Length];
                point[0] = 4;
                Buffer.BlockCopy(key.Q.X, 0, point, 1, key.Q.X.Length);
                Buffer.BlockCopy(key.Q.Y, 0, point, 1 + key.Q.X.Length, key.Q.Y.Length);
                byte[] bitString = new byte[point.Length + 1];
                Buffer.BlockCopy(point, 0, bitString, 1, point.Length);
                Der.Write(body, 0xA1, Tagged(Der.BitString, bitString));
                return Wrap(body);
            }
            finally
            {
                if (key.D != null) Array.Clear(key.D, 0, key.D.Length);
            }
        }

        private static string CurveOid(ECCurve curve)
        {
            if (!string.IsNullOrEmpty(curve.Oid?.Value)) return curve.Oid!.Value!;
            switch (curve.Oid?.FriendlyName)
            {
                case "nistP256": case "ECDSA_P256": return "1.2.840.10045.3.1.7";
                case "nistP384": case "ECDSA_P384": return "1.3.132.0.34";
                case "nistP521": case "ECDSA_P521": return "1.3.132.0.35";
            }
            throw Refused("The PFX file's EC key is on a curve the module cannot name.");
        }

        private static byte[] Tagged(byte tag, byte[] content)
        {
            var value = new MemoryStream();
            Der.Write(value, tag, content);
            return value.ToArray();
        }

        /// <summary>The SEQUENCE around a key's fields; the working buffer, which held the secret fields, is cleared.</summary>
        private static byte[] Wrap(MemoryStream body)
        {
            byte[] content = body.ToArray();
            var sequence = new MemoryStream();
            try
            {
                Der.Write(sequence, Der.Sequence, content);
                return sequence.ToArray();
            }
            finally
            {
                Array.Clear(content, 0, content.Length);
                Array.Clear(body.GetBuffer(), 0, body.GetBuffer().Length);
                Array.Clear(sequence.GetBuffer(), 0, sequence.GetBuffer().Length);
            }
        }

        private static byte[] Trim(byte[] unsigned) => Der.Unsigned(new ArraySegment<byte>(unsigned));

        private static InputRefusedException Refused(string message, Exception? inner = null) =>
            new InputRefusedException(InputRefusal.InvalidCertificate, message + " Nothing was sent.", inner);
    }
}
