using System;
using System.Text;

namespace ExtraHop.Simulator.Firmware;

/// <summary>
/// The parts of the POSIX ustar format the simulator needs: writing a header for a regular file and
/// reading name, size and type back from a header block (checksum verified, so random bytes are not
/// mistaken for an archive). Firmware images are plain tar archives.
/// </summary>
internal static class TarFormat
{
    public const int BlockSize = 512;

    // Field offsets and lengths of the ustar header.
    private const int NameOffset = 0, NameLength = 100;
    private const int ModeOffset = 100, OwnerOffset = 108, GroupOffset = 116, IdLength = 8;
    private const int SizeOffset = 124, SizeLength = 12;
    private const int TimeOffset = 136, TimeLength = 12;
    private const int ChecksumOffset = 148, ChecksumLength = 8;
    private const int TypeOffset = 156;
    private const int MagicOffset = 257;
    private const int PrefixOffset = 345, PrefixLength = 155;

    // The largest size eleven octal digits can hold.
    public const long MaxOctalSize = (1L << 33) - 1;

    public static long Padded(long size) => (size + BlockSize - 1) / BlockSize * BlockSize;

    public static bool IsZeroBlock(ReadOnlySpan<byte> block) => block.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Fills a 512-byte block with the header of a regular file.</summary>
    public static void WriteFileHeader(Span<byte> block, string name, long size, DateTimeOffset modified)
    {
        if (Encoding.ASCII.GetByteCount(name) > NameLength)
        {
            throw new ArgumentException("Entry names longer than 100 characters are not supported.", nameof(name));
        }

        if (size < 0 || size > MaxOctalSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Entries must be smaller than 8 GiB.");
        }

        block[..BlockSize].Clear();
        Encoding.ASCII.GetBytes(name, block.Slice(NameOffset, NameLength));
        WriteOctal(block.Slice(ModeOffset, IdLength), 420); // 0644
        WriteOctal(block.Slice(OwnerOffset, IdLength), 0);
        WriteOctal(block.Slice(GroupOffset, IdLength), 0);
        WriteOctal(block.Slice(SizeOffset, SizeLength), size);
        WriteOctal(block.Slice(TimeOffset, TimeLength), modified.ToUnixTimeSeconds());
        block[TypeOffset] = (byte)'0';
        "ustar\0"u8.CopyTo(block[MagicOffset..]);
        "00"u8.CopyTo(block[(MagicOffset + 6)..]);

        // The checksum is computed with its own field filled with spaces, then stored as six octal digits, NUL, space.
        block.Slice(ChecksumOffset, ChecksumLength).Fill((byte)' ');
        var sum = 0;
        foreach (var b in block[..BlockSize])
        {
            sum += b;
        }

        WriteOctal(block.Slice(ChecksumOffset, 7), sum);
        block[ChecksumOffset + 7] = (byte)' ';
    }

    /// <summary>Reads a header block; false when the block is not a valid tar header.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> block, out TarEntryHeader header)
    {
        header = default;
        if (block.Length < BlockSize || !ChecksumMatches(block) || !TryReadSize(block.Slice(SizeOffset, SizeLength), out var size))
        {
            return false;
        }

        var name = ReadText(block.Slice(NameOffset, NameLength));
        if (block.Slice(MagicOffset, 5).SequenceEqual("ustar"u8))
        {
            var prefix = ReadText(block.Slice(PrefixOffset, PrefixLength));
            if (prefix.Length > 0)
            {
                name = prefix + "/" + name;
            }
        }

        header = new TarEntryHeader(name, size, (char)block[TypeOffset]);
        return true;
    }

    private static bool ChecksumMatches(ReadOnlySpan<byte> block)
    {
        if (!TryReadOctal(block.Slice(ChecksumOffset, ChecksumLength), out var stored))
        {
            return false;
        }

        long unsignedSum = 0, signedSum = 0;
        for (var i = 0; i < BlockSize; i++)
        {
            var b = i is >= ChecksumOffset and < ChecksumOffset + ChecksumLength ? (byte)' ' : block[i];
            unsignedSum += b;
            signedSum += (sbyte)b;
        }

        // Some old writers summed signed bytes; accept either.
        return stored == unsignedSum || stored == signedSum;
    }

    private static bool TryReadSize(ReadOnlySpan<byte> field, out long size)
    {
        // GNU writes sizes of 8 GiB and more in base-256 with the top bit of the first byte set.
        if ((field[0] & 0x80) != 0)
        {
            size = field[0] & 0x7F;
            foreach (var b in field[1..])
            {
                if (size > (long.MaxValue >> 8))
                {
                    return false;
                }

                size = (size << 8) | b;
            }

            return true;
        }

        return TryReadOctal(field, out size);
    }

    private static bool TryReadOctal(ReadOnlySpan<byte> field, out long value)
    {
        var text = Encoding.ASCII.GetString(field).Trim(' ', '\0');
        if (text.Length == 0)
        {
            value = 0;
            return true;
        }

        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '7' || value > (long.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (long)(c - '0');
        }

        return true;
    }

    private static void WriteOctal(Span<byte> field, long value)
    {
        // Digits fill the field except its last byte, which stays NUL.
        var text = Convert.ToString(value, 8).PadLeft(field.Length - 1, '0');
        Encoding.ASCII.GetBytes(text, field);
        field[^1] = 0;
    }

    private static string ReadText(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }
}

/// <summary>What a tar header says about its entry.</summary>
internal readonly record struct TarEntryHeader(string Name, long Size, char Type);
