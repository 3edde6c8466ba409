using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ExtraHop.Simulator.Firmware;

/// <summary>
/// Finds the firmware version in a tar archive while its bytes stream past, without keeping them:
/// feed every chunk in order and read <see cref="Version"/> when done. The version comes from an entry
/// named VERSION (its text) or from an entry path like <c>extrahop-9.9.2.1234/…</c>. Only the first
/// few entries are examined; after that (or once the version is known) further bytes are ignored, so
/// a multi-gigabyte image costs nothing beyond its first blocks. GNU long names and pax paths are
/// understood because real tools write them for long paths.
/// </summary>
internal sealed partial class TarVersionSniffer
{
    private const int MaxEntries = 16;
    private const int MaxCapturedBytes = 64 * 1024;

    private readonly byte[] _header = new byte[TarFormat.BlockSize];
    private int _headerFilled;

    // The entry whose data is passing: bytes of data left, then padding left.
    private long _dataLeft;
    private long _paddingLeft;
    private Capture _capture;
    private byte[]? _captured;
    private int _capturedFilled;

    private string? _nextEntryName;
    private int _entries;

    private enum Capture
    {
        None,
        VersionFile,
        LongName,
        PaxHeader,
    }

    /// <summary>True once at least one valid tar header was seen.</summary>
    public bool IsTar { get; private set; }

    /// <summary>True once nothing more can be learned from further bytes.</summary>
    public bool IsFinished { get; private set; }

    public string? Version { get; private set; }

    public void Feed(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty && !IsFinished)
        {
            data = _dataLeft > 0 || _paddingLeft > 0 ? ConsumeEntryData(data) : ConsumeHeader(data);
        }
    }

    private ReadOnlySpan<byte> ConsumeHeader(ReadOnlySpan<byte> data)
    {
        var take = Math.Min(data.Length, _header.Length - _headerFilled);
        data[..take].CopyTo(_header.AsSpan(_headerFilled));
        _headerFilled += take;
        if (_headerFilled == _header.Length)
        {
            _headerFilled = 0;
            OnHeader();
        }

        return data[take..];
    }

    private void OnHeader()
    {
        if (TarFormat.IsZeroBlock(_header) || !TarFormat.TryReadHeader(_header, out var header))
        {
            // End of archive, or bytes that are not a tar header: nothing more to learn either way.
            IsFinished = true;
            return;
        }

        IsTar = true;
        _entries++;
        var name = _nextEntryName ?? header.Name;
        _nextEntryName = null;
        if (name.StartsWith("./", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        _capture = header.Type switch
        {
            'L' => Capture.LongName,
            'x' => Capture.PaxHeader,
            _ when name == "VERSION" => Capture.VersionFile,
            _ => Capture.None,
        };

        if (_capture == Capture.None && TryVersionFromPath(name) is { } version)
        {
            Finish(version);
            return;
        }

        if (_capture != Capture.None && header.Size > MaxCapturedBytes)
        {
            _capture = Capture.None;
        }

        _captured = _capture == Capture.None ? null : new byte[header.Size];
        _capturedFilled = 0;
        _dataLeft = header.Size;
        _paddingLeft = TarFormat.Padded(header.Size) - header.Size;
        if (_dataLeft == 0)
        {
            OnEntryComplete();
        }
    }

    private ReadOnlySpan<byte> ConsumeEntryData(ReadOnlySpan<byte> data)
    {
        if (_dataLeft > 0)
        {
            var take = (int)Math.Min(data.Length, _dataLeft);
            if (_captured is not null)
            {
                data[..take].CopyTo(_captured.AsSpan(_capturedFilled));
                _capturedFilled += take;
            }

            _dataLeft -= take;
            data = data[take..];
            if (_dataLeft == 0)
            {
                OnEntryComplete();
            }

            return data;
        }

        var skip = (int)Math.Min(data.Length, _paddingLeft);
        _paddingLeft -= skip;
        return data[skip..];
    }

    private void OnEntryComplete()
    {
        var text = _captured is null ? null : Encoding.UTF8.GetString(_captured);
        _captured = null;
        switch (_capture)
        {
            case Capture.VersionFile when FirmwareVersion.IsValid(text?.Trim()):
                Finish(text!.Trim());
                return;
            case Capture.LongName:
                _nextEntryName = text?.TrimEnd('\0');
                break;
            case Capture.PaxHeader:
                _nextEntryName = text is null ? null : PaxPath(text);
                break;
        }

        if (_entries >= MaxEntries)
        {
            IsFinished = true;
        }
    }

    private void Finish(string version)
    {
        Version = version;
        IsFinished = true;
    }

    /// <summary>The version in a path like "extrahop-9.9.2.1234/firmware.bin", else null.</summary>
    private static string? TryVersionFromPath(string path)
    {
        var match = VersionedPath().Match(path);
        return match.Success ? match.Groups[1].Value : null;
    }

    // Pax records are "<length> <key>=<value>\n"; only the path matters here.
    private static string? PaxPath(string records)
    {
        foreach (var record in records.Split('\n'))
        {
            var space = record.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && record.AsSpan(space + 1).StartsWith("path=", StringComparison.Ordinal))
            {
                return record[(space + 6)..];
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:\./)?extrahop-([0-9]+(?:\.[0-9]+){1,4})(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedPath();
}
