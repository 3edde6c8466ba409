using System;
using System.IO;

namespace ExtraHop.Simulator.Tests.TestSupport;

/// <summary>
/// A large firmware upload made up on the fly: the first blocks of a real image (so the version can be
/// read), then filler up to the requested length. Nothing is held in memory or written to disk.
/// </summary>
public sealed class GeneratedImageStream : Stream
{
    private readonly byte[] _head;
    private readonly long _length;
    private long _position;

    public GeneratedImageStream(string version, long length)
    {
        var path = Path.GetTempFileName();
        try
        {
            FirmwareImage.Create(path, version, 0);
            // The VERSION entry's header and data block: all the simulator needs to identify the image.
            _head = File.ReadAllBytes(path)[..1024];
        }
        finally
        {
            File.Delete(path);
        }

        _length = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, _length - _position);
        for (var i = 0; i < n; i++)
        {
            var at = _position + i;
            buffer[offset + i] = at < _head.Length ? _head[at] : (byte)(at * 31);
        }

        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
