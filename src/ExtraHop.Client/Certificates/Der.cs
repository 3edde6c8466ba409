using System;
using System.Collections.Generic;
using System.IO;

namespace ExtraHop.Certificates
{
    /// <summary>
    /// Just enough DER to read and write private keys on netstandard2.0, which has no PKCS#8 import or export: the
    /// module must check that a key matches its certificate, and turn a PFX's key into PEM text, without a library.
    /// </summary>
    internal static class Der
    {
        public const byte Integer = 0x02;
        public const byte BitString = 0x03;
        public const byte OctetString = 0x04;
        public const byte ObjectIdentifier = 0x06;
        public const byte Sequence = 0x30;

        /// <summary>The elements of a constructed value, each as (tag, content).</summary>
        public static List<(byte Tag, ArraySegment<byte> Content)> Children(ArraySegment<byte> content)
        {
            var children = new List<(byte, ArraySegment<byte>)>();
            int position = content.Offset;
            int end = content.Offset + content.Count;
            byte[] bytes = content.Array!;
            while (position < end)
            {
                byte tag = bytes[position++];
                if (position >= end) throw new FormatException("Truncated DER.");
                int length = bytes[position++];
                if (length >= 0x80)
                {
                    int count = length & 0x7F;
                    if (count == 0 || count > 3 || position + count > end) throw new FormatException("Unsupported DER length.");
                    length = 0;
                    for (int i = 0; i < count; i++) length = (length << 8) | bytes[position++];
                }
                if (length > end - position) throw new FormatException("Truncated DER.");
                children.Add((tag, new ArraySegment<byte>(bytes, position, length)));
                position += length;
            }
            return children;
        }

        /// <summary>The content of the single top-level value, which must have this tag.</summary>
        public static ArraySegment<byte> Single(byte[] der, byte tag)
        {
            List<(byte Tag, ArraySegment<byte> Content)> top = Children(new ArraySegment<byte>(der));
            if (top.Count != 1 || top[0].Tag != tag) throw new FormatException("Unexpected DER structure.");
            return top[0].Content;
        }

        /// <summary>An unsigned big-endian integer without leading zero bytes.</summary>
        public static byte[] Unsigned(ArraySegment<byte> integer)
        {
            int skip = 0;
            while (skip < integer.Count - 1 && integer.Array![integer.Offset + skip] == 0) skip++;
            var value = new byte[integer.Count - skip];
            Buffer.BlockCopy(integer.Array!, integer.Offset + skip, value, 0, value.Length);
            return value;
        }

        public static byte[] ToArray(ArraySegment<byte> segment)
        {
            var copy = new byte[segment.Count];
            Buffer.BlockCopy(segment.Array!, segment.Offset, copy, 0, segment.Count);
            return copy;
        }

        /// <summary>Writes one value; the caller clears <paramref name="content"/> when it is secret.</summary>
        public static void Write(MemoryStream output, byte tag, byte[] content)
        {
            output.WriteByte(tag);
            int length = content.Length;
            if (length < 0x80) output.WriteByte((byte)length);
            else if (length <= 0xFF) { output.WriteByte(0x81); output.WriteByte((byte)length); }
            else if (length <= 0xFFFF) { output.WriteByte(0x82); output.WriteByte((byte)(length >> 8)); output.WriteByte((byte)length); }
            else { output.WriteByte(0x83); output.WriteByte((byte)(length >> 16)); output.WriteByte((byte)(length >> 8)); output.WriteByte((byte)length); }
            output.Write(content, 0, content.Length);
        }

        /// <summary>A positive INTEGER's content: a leading zero byte when the high bit is set.</summary>
        public static byte[] PositiveInteger(byte[] unsigned)
        {
            if (unsigned.Length > 0 && unsigned[0] < 0x80) return (byte[])unsigned.Clone();
            var padded = new byte[unsigned.Length + 1];
            Buffer.BlockCopy(unsigned, 0, padded, 1, unsigned.Length);
            return padded;
        }

        /// <summary>The bytes of an OBJECT IDENTIFIER in dotted form (for the few curve names the module writes).</summary>
        public static byte[] Oid(string dotted)
        {
            string[] parts = dotted.Split('.');
            var output = new MemoryStream();
            output.WriteByte((byte)(int.Parse(parts[0]) * 40 + int.Parse(parts[1])));
            for (int i = 2; i < parts.Length; i++)
            {
                long value = long.Parse(parts[i]);
                var groups = new Stack<byte>();
                groups.Push((byte)(value & 0x7F));
                while ((value >>= 7) > 0) groups.Push((byte)(0x80 | (value & 0x7F)));
                foreach (byte b in groups) output.WriteByte(b);
            }
            return output.ToArray();
        }
    }
}
