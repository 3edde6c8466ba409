using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Simulator.Resources;

/// <summary>
/// The content of every simulated support pack file: byte i is i mod 256 (every byte value occurs, so clients can
/// check that they save binary answers byte for byte). Any range of it is written from one small buffer.
/// </summary>
internal static class PatternBytes
{
    private static readonly byte[] Block = CreateBlock();

    /// <summary>Writes bytes [<paramref name="start"/>, <paramref name="end"/>) of the pattern.</summary>
    public static async Task WriteAsync(Stream body, long start, long end, CancellationToken cancellationToken)
    {
        var position = start;
        while (position < end)
        {
            // The block is a whole number of 256-byte periods, so any offset into it keeps the pattern.
            var offset = (int)(position % 256);
            var count = (int)Math.Min(Block.Length - offset, end - position);
            await body.WriteAsync(Block.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
            position += count;
        }
    }

    private static byte[] CreateBlock()
    {
        var block = new byte[256 * 512];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = (byte)(i % 256);
        }

        return block;
    }
}
