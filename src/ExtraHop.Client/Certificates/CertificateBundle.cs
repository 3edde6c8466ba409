using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExtraHop.Api;
using ExtraHop.Http;

namespace ExtraHop.Certificates
{
    /// <summary>
    /// A certificate (with any chain) and its private key, checked before PUT /extrahop/sslcert: there is a key, it
    /// belongs to the certificate, a PFX opened with its password. The body the appliance takes (the certificates and
    /// the key as PEM text, VERIFIED not JSON) is kept as bytes only, and cleared by Dispose; the key is never
    /// written to disk or to a string.
    /// </summary>
    internal sealed class CertificateBundle : IDisposable
    {
        /// <summary>Certificate and key files are kilobytes; anything far larger is not one.</summary>
        private const long MaxFileBytes = 1024 * 1024;

        // Exportable so the key can become PEM text; 32 is EphemeralKeySet (not in netstandard2.0's enum), which keeps
        // the key out of the user's key store where the runtime supports it.
        private const X509KeyStorageFlags PfxFlags = X509KeyStorageFlags.Exportable | (X509KeyStorageFlags)32;

        private readonly byte[] body;

        private CertificateBundle(X509Certificate2 certificate, byte[] body)
        {
            Certificate = certificate;
            this.body = body;
        }

        /// <summary>The server certificate (the one the key belongs to), without its key.</summary>
        public X509Certificate2 Certificate { get; }

        /// <summary>SHA-256 of the certificate: what a pinned session will trust from now on.</summary>
        public string Sha256 => TlsPolicy.Sha256Of(Certificate);

        public bool IsExpired => Certificate.NotAfter < DateTime.Now;

        public bool IsNotYetValid => Certificate.NotBefore > DateTime.Now;

        /// <summary>A fresh body for each attempt of the request; the bytes stay this bundle's, cleared on Dispose.</summary>
        public HttpContent CreateContent()
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
            return content;
        }

        /// <summary>From PEM files: the certificate file may hold the key too, or the key comes from <paramref name="keyPath"/>.</summary>
        public static CertificateBundle FromPem(string certificatePath, string? keyPath)
        {
            List<PemBlock> blocks = PemBlocksOf(certificatePath);
            try
            {
                List<X509Certificate2> certificates = CertificatesIn(blocks, certificatePath);
                if (keyPath != null)
                {
                    foreach (PemBlock block in blocks) block.Dispose();
                    blocks = PemBlocksOf(keyPath);
                }
                PemBlock? key = blocks.FirstOrDefault(b => b.IsPrivateKey);
                if (key == null)
                {
                    string where = keyPath == null ? $"'{certificatePath}' holds no private key and no -KeyPath was given" : $"'{keyPath}' holds no private key";
                    throw new InputRefusedException(InputRefusal.CertificateWithoutKey, $"{where}; the appliance needs the certificate's private key too. Nothing was sent.");
                }
                return Assemble(certificates, key);
            }
            finally
            {
                foreach (PemBlock block in blocks) block.Dispose();
            }
        }

        /// <summary>From a PFX (PKCS#12) file and its password.</summary>
        public static CertificateBundle FromPfx(string pfxPath, SecureString? password)
        {
            byte[] file = ReadFile(pfxPath);
            var collection = new X509Certificate2Collection();
            try
            {
                try
                {
                    ImportPfx(collection, file, password);
                }
                catch (CryptographicException ex)
                {
                    throw new InputRefusedException(InputRefusal.WrongPfxPassword,
                        $"'{pfxPath}' cannot be opened with the -PfxPassword given (or it is not a PFX file). Nothing was sent.", ex);
                }
                X509Certificate2? withKey = collection.Cast<X509Certificate2>().FirstOrDefault(c => c.HasPrivateKey);
                if (withKey == null)
                {
                    bool any = collection.Count > 0;
                    throw new InputRefusedException(any ? InputRefusal.CertificateWithoutKey : InputRefusal.InvalidCertificate,
                        any ? $"'{pfxPath}' holds certificates but no private key. Nothing was sent." : $"'{pfxPath}' holds no certificate. Nothing was sent.");
                }
                var certificates = new List<X509Certificate2> { new X509Certificate2(withKey.RawData) };
                certificates.AddRange(collection.Cast<X509Certificate2>().Where(c => !ReferenceEquals(c, withKey)).Select(c => new X509Certificate2(c.RawData)));
                using (PemBlock key = PrivateKeys.FromCertificate(withKey))
                {
                    return Assemble(certificates, key);
                }
            }
            finally
            {
                Array.Clear(file, 0, file.Length);
                foreach (X509Certificate2 certificate in collection) certificate.Dispose();
            }
        }

        public void Dispose()
        {
            Array.Clear(body, 0, body.Length);
            Certificate.Dispose();
        }

        /// <summary>Puts the certificate the key belongs to first, then the rest of the chain, then the key.</summary>
        private static CertificateBundle Assemble(List<X509Certificate2> certificates, PemBlock key)
        {
            byte[] publicPart = PrivateKeys.PublicPart(key);
            X509Certificate2? server = certificates.FirstOrDefault(c => PrivateKeys.PublicPart(c)?.SequenceEqual(publicPart) == true);
            if (server == null)
            {
                string subject = certificates[0].Subject;
                foreach (X509Certificate2 certificate in certificates) certificate.Dispose();
                throw new InputRefusedException(InputRefusal.KeyDoesNotMatchCertificate,
                    $"The private key does not belong to the certificate ({subject}): their public keys differ. Nothing was sent.");
            }

            var output = new MemoryStream();
            try
            {
                PemText.Write(output, "CERTIFICATE", server.RawData);
                foreach (X509Certificate2 other in certificates.Where(c => !ReferenceEquals(c, server))) PemText.Write(output, "CERTIFICATE", other.RawData);
                PemText.Write(output, key.Label, key.Der);
                return new CertificateBundle(server, output.ToArray());
            }
            finally
            {
                Array.Clear(output.GetBuffer(), 0, output.GetBuffer().Length);
                foreach (X509Certificate2 other in certificates.Where(c => !ReferenceEquals(c, server))) other.Dispose();
            }
        }

        private static List<X509Certificate2> CertificatesIn(List<PemBlock> blocks, string path)
        {
            var certificates = new List<X509Certificate2>();
            foreach (PemBlock block in blocks.Where(b => b.Label == "CERTIFICATE"))
            {
                try
                {
                    certificates.Add(new X509Certificate2(block.Der));
                }
                catch (CryptographicException ex)
                {
                    foreach (X509Certificate2 certificate in certificates) certificate.Dispose();
                    throw new InputRefusedException(InputRefusal.InvalidCertificate, $"'{path}' holds a damaged certificate: {ex.Message} Nothing was sent.", ex);
                }
            }
            if (certificates.Count == 0)
            {
                throw new InputRefusedException(InputRefusal.InvalidCertificate, $"'{path}' holds no PEM certificate (-----BEGIN CERTIFICATE-----). Nothing was sent.");
            }
            return certificates;
        }

        private static List<PemBlock> PemBlocksOf(string path)
        {
            byte[] file = ReadFile(path);
            try
            {
                return PemText.Read(file);
            }
            catch (FormatException ex)
            {
                throw new InputRefusedException(InputRefusal.InvalidCertificate, $"'{path}' is not readable PEM: {ex.Message} Nothing was sent.", ex);
            }
            finally
            {
                Array.Clear(file, 0, file.Length);
            }
        }

        private static byte[] ReadFile(string path)
        {
            if (Directory.Exists(path)) throw new ArgumentException($"'{path}' is a folder; give a file.");
            if (!File.Exists(path)) throw new ArgumentException($"The file '{path}' does not exist.");
            if (new FileInfo(path).Length > MaxFileBytes) throw new InputRefusedException(InputRefusal.InvalidCertificate, $"'{path}' is far larger than any certificate or key file. Nothing was sent.");
            return File.ReadAllBytes(path);
        }

        /// <summary>The password is taken out of its SecureString only for the import, and that copy is cleared.</summary>
        private static void ImportPfx(X509Certificate2Collection collection, byte[] file, SecureString? password)
        {
            IntPtr plain = password == null ? IntPtr.Zero : System.Runtime.InteropServices.Marshal.SecureStringToGlobalAllocUnicode(password);
            try
            {
                string? text = plain == IntPtr.Zero ? null : System.Runtime.InteropServices.Marshal.PtrToStringUni(plain);
                collection.Import(file, text, PfxFlags);
            }
            finally
            {
                if (plain != IntPtr.Zero) System.Runtime.InteropServices.Marshal.ZeroFreeGlobalAllocUnicode(plain);
            }
        }
    }
}
