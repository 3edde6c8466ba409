using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using ExtraHop.Api;

namespace ExtraHop.Licensing
{
    /// <summary>
    /// A license file read and checked before PUT /license. The guide does not show the body (UNKNOWN); what the
    /// module sends is the file's text as it is: a JSON license as application/json, an armored license file
    /// ("-----BEGIN ... LICENSE-----") as text/plain. Anything else (empty, binary, a certificate, a CSV) is refused
    /// here, so a wrong file never reaches the appliance.
    /// </summary>
    internal sealed class LicenseText
    {
        /// <summary>License files are a few kilobytes; a file far larger is something else.</summary>
        private const long MaxBytes = 1024 * 1024;
        private static readonly string[] LicenseFields = { "edition", "serial", "expires_at", "modules", "options", "dossier", "product_key" };

        private LicenseText(string text, bool isJson)
        {
            Text = text;
            IsJson = isJson;
        }

        public string Text { get; }
        public bool IsJson { get; }

        public HttpContent CreateContent() =>
            new StringContent(Text, new UTF8Encoding(false), IsJson ? "application/json" : "text/plain");

        public static LicenseText Read(string path)
        {
            if (Directory.Exists(path)) throw new ArgumentException($"'{path}' is a folder; give the license file.");
            if (!File.Exists(path)) throw new ArgumentException($"The license file '{path}' does not exist.");
            if (new FileInfo(path).Length > MaxBytes) throw NotALicense(path, "it is larger than any license file");
            byte[] bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0) >= 0) throw NotALicense(path, "it is a binary file");
            string text = new UTF8Encoding(false, false).GetString(bytes).Trim('\uFEFF', ' ', '\t', '\r', '\n');
            if (text.Length == 0) throw new InputRefusedException(InputRefusal.EmptyLicenseFile, $"The license file '{path}' is empty. Nothing was sent.");
            return Parse(text) ?? throw NotALicense(path, "it is neither an ExtraHop license file (-----BEGIN ... LICENSE-----) nor a JSON license");
        }

        private static LicenseText? Parse(string text)
        {
            if (text.StartsWith("-----BEGIN ", StringComparison.Ordinal))
            {
                int end = text.IndexOf("-----", 11, StringComparison.Ordinal);
                string label = end < 0 ? string.Empty : text.Substring(11, end - 11);
                return label.EndsWith("LICENSE", StringComparison.OrdinalIgnoreCase) ? new LicenseText(text, false) : null;
            }
            if (!text.StartsWith("{", StringComparison.Ordinal)) return null;
            try
            {
                using (JsonDocument document = JsonDocument.Parse(text))
                {
                    foreach (string field in LicenseFields)
                    {
                        if (document.RootElement.TryGetProperty(field, out _)) return new LicenseText(text, true);
                    }
                    return null;
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static InputRefusedException NotALicense(string path, string why) =>
            new InputRefusedException(InputRefusal.NotALicense, $"'{path}' is not a license: {why}. Nothing was sent.");
    }
}
