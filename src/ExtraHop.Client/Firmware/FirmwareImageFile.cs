using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace ExtraHop.Firmware
{
    /// <summary>A firmware image on disk, checked before a single byte is sent.</summary>
    internal sealed class FirmwareImageFile
    {
        private const int BlockSize = 512;
        private const int MaxEntriesScanned = 64;
        private static readonly Regex VersionPattern = new Regex(@"(?<!\d)(\d+\.\d+\.\d+\.\d+)(?!\d)", RegexOptions.CultureInvariant);

        private FirmwareImageFile(string path, long length, string? version)
        {
            Path = path;
            Length = length;
            Version = version;
        }

        public string Path { get; }
        public string FileName => System.IO.Path.GetFileName(Path);
        public long Length { get; }
        /// <summary>The version the image carries, from its file name or the names (or VERSION file) inside the tar; null when neither tells.</summary>
        public string? Version { get; }

        /// <summary>Refuses what cannot be firmware with a message that says exactly what is wrong.</summary>
        public static FirmwareImageFile Inspect(string path)
        {
            if (Directory.Exists(path)) throw new ArgumentException($"'{path}' is a folder; give the firmware image file (.tar).");
            if (!File.Exists(path)) throw new ArgumentException($"The firmware image '{path}' does not exist.");
            var info = new FileInfo(path);

            // Opening follows a symbolic link to the image itself; FileInfo.Length of a link is the link's own size,
            // so the length (the upload's Content-Length) is measured on the opened file.
            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BlockSize))
            {
                if (stream.Length == 0) throw new ArgumentException($"The firmware image '{path}' is empty.");
                var header = new byte[BlockSize];
                if (ReadBlock(stream, header) < BlockSize || !IsTarHeader(header))
                {
                    throw new ArgumentException($"'{path}' is not a tar archive; ExtraHop firmware images are .tar files.");
                }
                string? version = VersionIn(info.Name) ?? VersionInsideTar(stream, header);
                return new FirmwareImageFile(info.FullName, stream.Length, version);
            }
        }

        public static string? VersionIn(string text)
        {
            Match match = VersionPattern.Match(text ?? string.Empty);
            return match.Success ? match.Groups[1].Value : null;
        }

        /// <summary>Walks the first entries' headers (seeking over their data) looking for a version in a name or a VERSION file.</summary>
        private static string? VersionInsideTar(FileStream stream, byte[] header)
        {
            long position = 0;
            for (int entry = 0; entry < MaxEntriesScanned; entry++)
            {
                if (!IsTarHeader(header)) return null;
                string name = ReadText(header, 0, 100);
                long size = ReadSize(header);
                string? version = VersionIn(name);
                if (version != null) return version;
                if (string.Equals(System.IO.Path.GetFileName(name), "VERSION", StringComparison.OrdinalIgnoreCase) && size > 0 && size < 256)
                {
                    var content = new byte[BlockSize];
                    stream.Seek(position + BlockSize, SeekOrigin.Begin);
                    ReadBlock(stream, content);
                    version = VersionIn(Encoding.ASCII.GetString(content, 0, (int)size));
                    if (version != null) return version;
                }

                position += BlockSize + (size + BlockSize - 1) / BlockSize * BlockSize;
                if (position + BlockSize > stream.Length) return null;
                stream.Seek(position, SeekOrigin.Begin);
                if (ReadBlock(stream, header) < BlockSize) return null;
            }
            return null;
        }

        /// <summary>A tar header block: its checksum (bytes 148-155 counted as spaces) must match.</summary>
        private static bool IsTarHeader(byte[] block)
        {
            if (block[0] == 0) return false;
            string stored = ReadText(block, 148, 8).Trim();
            if (stored.Length == 0) return false;
            long expected;
            try
            {
                expected = Convert.ToInt64(stored, 8);
            }
            catch (FormatException)
            {
                return false;
            }
            long sum = 0;
            for (int i = 0; i < BlockSize; i++) sum += i >= 148 && i < 156 ? (byte)' ' : block[i];
            return sum == expected;
        }

        /// <summary>Entry size: octal text, or base-256 (high bit set) for entries of 8 GiB and more.</summary>
        private static long ReadSize(byte[] header)
        {
            if ((header[124] & 0x80) != 0)
            {
                long value = 0;
                for (int i = 125; i < 136; i++) value = (value << 8) | header[i];
                return value;
            }
            string octal = ReadText(header, 124, 12).Trim();
            return octal.Length == 0 ? 0 : Convert.ToInt64(octal, 8);
        }

        private static string ReadText(byte[] block, int offset, int length)
        {
            int end = offset;
            while (end < offset + length && block[end] != 0) end++;
            return Encoding.ASCII.GetString(block, offset, end - offset);
        }

        private static int ReadBlock(Stream stream, byte[] buffer)
        {
            int total = 0;
            while (total < buffer.Length)
            {
                int read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0) break;
                total += read;
            }
            return total;
        }
    }
}
