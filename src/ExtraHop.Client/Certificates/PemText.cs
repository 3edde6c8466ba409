using System;
using System.Collections.Generic;
using System.Text;

namespace ExtraHop.Certificates
{
    /// <summary>One "-----BEGIN label-----" block, decoded. Holds key material for private keys: clear it when done.</summary>
    internal sealed class PemBlock : IDisposable
    {
        public PemBlock(string label, byte[] der)
        {
            Label = label;
            Der = der;
        }

        public string Label { get; }
        public byte[] Der { get; }

        public bool IsPrivateKey => Label.EndsWith("PRIVATE KEY", StringComparison.Ordinal);

        public void Dispose() => Array.Clear(Der, 0, Der.Length);
    }

    /// <summary>
    /// Reading and writing PEM on netstandard2.0, which has neither. Works on char and byte arrays, never strings, so
    /// the text of a private key can be cleared as soon as it has been used.
    /// </summary>
    internal static class PemText
    {
        private const string Begin = "-----BEGIN ";
        private const string Dashes = "-----";

        /// <summary>Every block in the file's bytes, in order; text outside blocks (openssl's "Bag Attributes") is skipped.</summary>
        /// <exception cref="FormatException">A block's base64 is damaged or it has no END line.</exception>
        public static List<PemBlock> Read(byte[] file)
        {
            char[] text = Encoding.ASCII.GetChars(file);
            var blocks = new List<PemBlock>();
            try
            {
                int position = 0;
                while ((position = IndexOf(text, Begin, position)) >= 0)
                {
                    int labelStart = position + Begin.Length;
                    int labelEnd = IndexOf(text, Dashes, labelStart);
                    if (labelEnd < 0) throw new FormatException("A PEM block has no end to its BEGIN line.");
                    string label = new string(text, labelStart, labelEnd - labelStart);
                    int bodyStart = labelEnd + Dashes.Length;
                    string end = "-----END " + label + Dashes;
                    int bodyEnd = IndexOf(text, end, bodyStart);
                    if (bodyEnd < 0) throw new FormatException($"The PEM block '{label}' has no END line.");
                    blocks.Add(new PemBlock(label, Decode(text, bodyStart, bodyEnd)));
                    position = bodyEnd + end.Length;
                }
                return blocks;
            }
            catch
            {
                foreach (PemBlock block in blocks) block.Dispose();
                throw;
            }
            finally
            {
                Array.Clear(text, 0, text.Length);
            }
        }

        /// <summary>Appends a block as PEM text (64-character lines) to <paramref name="output"/>, clearing the text made on the way.</summary>
        public static void Write(System.IO.MemoryStream output, string label, byte[] der)
        {
            char[] base64 = new char[(der.Length + 2) / 3 * 4];
            Convert.ToBase64CharArray(der, 0, der.Length, base64, 0);
            byte[] line = new byte[65];
            try
            {
                WriteAscii(output, Begin + label + Dashes + "\n");
                for (int start = 0; start < base64.Length; start += 64)
                {
                    int count = Math.Min(64, base64.Length - start);
                    for (int i = 0; i < count; i++) line[i] = (byte)base64[start + i];
                    line[count] = (byte)'\n';
                    output.Write(line, 0, count + 1);
                }
                WriteAscii(output, "-----END " + label + Dashes + "\n");
            }
            finally
            {
                Array.Clear(base64, 0, base64.Length);
                Array.Clear(line, 0, line.Length);
            }
        }

        private static void WriteAscii(System.IO.MemoryStream output, string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            output.Write(bytes, 0, bytes.Length);
        }

        private static byte[] Decode(char[] text, int start, int end)
        {
            char[] base64 = new char[end - start];
            int count = 0;
            try
            {
                for (int i = start; i < end; i++)
                {
                    char c = text[i];
                    if (!char.IsWhiteSpace(c)) base64[count++] = c;
                }
                return Convert.FromBase64CharArray(base64, 0, count);
            }
            finally
            {
                Array.Clear(base64, 0, base64.Length);
            }
        }

        private static int IndexOf(char[] text, string value, int from)
        {
            for (int i = from; i <= text.Length - value.Length; i++)
            {
                int j = 0;
                while (j < value.Length && text[i + j] == value[j]) j++;
                if (j == value.Length) return i;
            }
            return -1;
        }
    }
}
