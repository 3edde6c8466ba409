using System;
using System.Buffers.Binary;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Simulator.Resources;

/// <summary>
/// Writes a valid capture of made-up TCP packets (Ethernet, IPv4, TCP, 960 payload bytes) between two endpoints,
/// as classic pcap or as pcapng, generated packet by packet into a small buffer: any size costs no memory.
/// A snap length of 64 keeps only each packet's first 64 bytes (the packets privilege "slices_only").
/// </summary>
internal sealed class CaptureWriter
{
    public const int FrameBytes = 14 + 20 + 20 + 960;
    private const int FlushBytes = 128 * 1024;

    private readonly byte[] _frame;
    private readonly bool _pcapng;
    private readonly int _snapLength;

    public CaptureWriter(bool pcapng, int snapLength, IPAddress source, int sourcePort, IPAddress destination, int destinationPort)
    {
        _pcapng = pcapng;
        _snapLength = Math.Min(snapLength, FrameBytes);
        _frame = Frame(source, sourcePort, destination, destinationPort);
    }

    /// <summary>Bytes before the first packet.</summary>
    public int HeaderBytes => _pcapng ? 28 + 20 : 24;

    /// <summary>Bytes each packet takes in the file.</summary>
    public int PacketBytes => _pcapng ? 32 + Pad4(_snapLength) : 16 + _snapLength;

    /// <summary>Writes the header and <paramref name="packets"/> packets spread over the window.</summary>
    public async Task WriteAsync(Stream body, long packets, DateTimeOffset from, DateTimeOffset until, Func<long, bool>? stopAfter, CancellationToken cancellationToken)
    {
        var buffer = new byte[FlushBytes + PacketBytes + HeaderBytes];
        var used = WriteHeader(buffer);
        var spanMicros = Math.Max(1, (until - from).Ticks / 10);
        var startMicros = from.ToUnixTimeMilliseconds() * 1000;
        for (long i = 0; i < packets; i++)
        {
            var micros = startMicros + (packets <= 1 ? 0 : spanMicros * i / packets);
            used += WritePacket(buffer.AsSpan(used), micros);
            if (used >= FlushBytes)
            {
                await body.WriteAsync(buffer.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
                used = 0;
                if (stopAfter?.Invoke(i + 1) == true)
                {
                    return;
                }
            }
        }

        await body.WriteAsync(buffer.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
    }

    private int WriteHeader(Span<byte> b)
    {
        if (!_pcapng)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, 0xa1b2c3d4);
            BinaryPrimitives.WriteUInt16LittleEndian(b[4..], 2);
            BinaryPrimitives.WriteUInt16LittleEndian(b[6..], 4);
            BinaryPrimitives.WriteInt32LittleEndian(b[8..], 0);
            BinaryPrimitives.WriteUInt32LittleEndian(b[12..], 0);
            BinaryPrimitives.WriteUInt32LittleEndian(b[16..], (uint)_snapLength);
            BinaryPrimitives.WriteUInt32LittleEndian(b[20..], 1);
            return 24;
        }

        // Section header block, then one Ethernet interface description block.
        BinaryPrimitives.WriteUInt32LittleEndian(b, 0x0A0D0D0A);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], 28);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], 0x1A2B3C4D);
        BinaryPrimitives.WriteUInt16LittleEndian(b[12..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(b[14..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(b[16..], -1);
        BinaryPrimitives.WriteUInt32LittleEndian(b[24..], 28);
        var idb = b[28..];
        BinaryPrimitives.WriteUInt32LittleEndian(idb, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(idb[4..], 20);
        BinaryPrimitives.WriteUInt16LittleEndian(idb[8..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(idb[10..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(idb[12..], (uint)_snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(idb[16..], 20);
        return 48;
    }

    private int WritePacket(Span<byte> b, long micros)
    {
        if (!_pcapng)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(b[4..], (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(b[8..], (uint)_snapLength);
            BinaryPrimitives.WriteUInt32LittleEndian(b[12..], FrameBytes);
            _frame.AsSpan(0, _snapLength).CopyTo(b[16..]);
            return 16 + _snapLength;
        }

        var total = 32 + Pad4(_snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(b, 6);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], (uint)total);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], (uint)((ulong)micros >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(b[16..], (uint)micros);
        BinaryPrimitives.WriteUInt32LittleEndian(b[20..], (uint)_snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(b[24..], FrameBytes);
        _frame.AsSpan(0, _snapLength).CopyTo(b[28..]);
        b.Slice(28 + _snapLength, Pad4(_snapLength) - _snapLength).Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(b[(total - 4)..], (uint)total);
        return total;
    }

    private static int Pad4(int length) => (length + 3) & ~3;

    private static byte[] Frame(IPAddress source, int sourcePort, IPAddress destination, int destinationPort)
    {
        var frame = new byte[FrameBytes];
        var f = frame.AsSpan();
        f[..6].Fill(0x02);
        f[6..12].Fill(0x04);
        BinaryPrimitives.WriteUInt16BigEndian(f[12..], 0x0800);
        var ip = f[14..];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], FrameBytes - 14);
        ip[8] = 64;
        ip[9] = 6;
        source.MapToIPv4().GetAddressBytes().CopyTo(ip[12..]);
        destination.MapToIPv4().GetAddressBytes().CopyTo(ip[16..]);
        uint sum = 0;
        for (var i = 0; i < 20; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(ip[i..]);
        }

        sum = (sum & 0xffff) + (sum >> 16);
        sum = (sum & 0xffff) + (sum >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], (ushort)~sum);
        var tcp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, (ushort)sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], (ushort)destinationPort);
        tcp[12] = 0x50;
        tcp[13] = 0x18;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 65535);
        for (var i = 20; i < tcp.Length; i++)
        {
            tcp[i] = (byte)('a' + i % 26);
        }

        return frame;
    }
}
