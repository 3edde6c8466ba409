using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using ExtraHop.Simulator.Firmware;

namespace ExtraHop.Simulator;

/// <summary>
/// Firmware images for tests, benchmarks and demonstrations: real tar archives the simulator (and any
/// tar tool) can read. The first entry is a file "VERSION" holding the version; the second,
/// "extrahop-&lt;version&gt;/firmware.bin", is padding that brings the file to about the size asked for.
/// </summary>
public static class FirmwareImage
{
    private const int PaddingChunk = 64 * 1024;

    // Two headers, the VERSION data block and the two zero blocks that end an archive.
    private const int Overhead = 5 * TarFormat.BlockSize;

    // A fixed entry time, so the same arguments always produce the same bytes (and the same SHA-256).
    private static readonly DateTimeOffset EntryTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes an image of about <paramref name="totalBytes"/> bytes (never less than 2.5 KiB), streaming,
    /// so a 2 GiB image needs no more memory than a small one.
    /// </summary>
    public static void Create(string path, string version, long totalBytes = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!FirmwareVersion.IsValid(version))
        {
            throw new ArgumentException($"'{version}' is not a firmware version like 9.9.2.1234.", nameof(version));
        }

        var paddingBytes = TarFormat.Padded(Math.Max(0, totalBytes - Overhead));
        var versionBytes = Encoding.ASCII.GetBytes(version + "\n");

        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, PaddingChunk);
        var block = new byte[TarFormat.BlockSize];

        TarFormat.WriteFileHeader(block, "VERSION", versionBytes.Length, EntryTime);
        file.Write(block);
        Array.Clear(block);
        versionBytes.CopyTo(block, 0);
        file.Write(block);

        TarFormat.WriteFileHeader(block, $"extrahop-{version}/firmware.bin", paddingBytes, EntryTime);
        file.Write(block);
        WritePadding(file, version, paddingBytes);

        Array.Clear(block);
        file.Write(block);
        file.Write(block);
    }

    /// <summary>
    /// The version in a firmware image: the text of its VERSION entry, or the version in an entry path
    /// like <c>extrahop-9.9.2.1234/…</c>. Null when the stream is not a tar archive or names no version.
    /// Reads only as far as the first entries.
    /// </summary>
    public static string? ReadVersion(Stream tarStream)
    {
        ArgumentNullException.ThrowIfNull(tarStream);
        var sniffer = new TarVersionSniffer();
        var buffer = new byte[TarFormat.BlockSize * 8];
        int read;
        while (!sniffer.IsFinished && (read = tarStream.Read(buffer)) > 0)
        {
            sniffer.Feed(buffer.AsSpan(0, read));
        }

        return sniffer.Version;
    }

    private static void WritePadding(Stream file, string version, long bytes)
    {
        // A repeating pattern seeded by the version: images of different versions hash differently,
        // and the pattern does not compress to nothing if someone zips an image.
        var pattern = new byte[PaddingChunk];
        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.ASCII.GetBytes(version)));
        new Random(seed).NextBytes(pattern);
        for (long left = bytes; left > 0; left -= pattern.Length)
        {
            file.Write(pattern, 0, (int)Math.Min(pattern.Length, left));
        }
    }
}
