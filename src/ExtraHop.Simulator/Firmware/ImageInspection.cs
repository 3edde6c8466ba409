using System;
using System.Buffers;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Simulator.Firmware;

/// <summary>What the simulator learned from a firmware image that streamed through it.</summary>
/// <param name="Bytes">How many bytes arrived.</param>
/// <param name="Sha256">SHA-256 of those bytes, uppercase hex (the same form as the certificate fingerprint).</param>
/// <param name="IsTar">Whether the bytes began with a valid tar header.</param>
/// <param name="Version">The firmware version found in the tar, or null.</param>
internal sealed record ImageInspection(long Bytes, string Sha256, bool IsTar, string? Version)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>
    /// Reads a stream to its end, hashing and counting every byte and looking for the version as the
    /// tar headers pass. Memory use is one pooled 64 KiB buffer whatever the image size: appliance
    /// images are gigabytes and a simulator hosting fifty appliances cannot hold them.
    /// </summary>
    public static async Task<ImageInspection> ReadAsync(Stream source, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sniffer = new TarVersionSniffer();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                hash.AppendData(chunk);
                sniffer.Feed(chunk);
                total += read;
            }

            return new ImageInspection(total, Convert.ToHexString(hash.GetHashAndReset()), sniffer.IsTar, sniffer.Version);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Why this image cannot be installed, or null when it can.</summary>
    public string? Problem => !IsTar
        ? "The uploaded file is not a firmware image (not a tar archive)"
        : Version is null ? "The firmware image does not contain a version" : null;
}
