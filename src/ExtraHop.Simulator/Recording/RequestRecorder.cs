using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ExtraHop.Simulator.Recording;

/// <summary>
/// The request log of a host. A request takes its place in the order when it arrives but is written
/// down when it has been answered (its status is known only then), so entries carry an arrival number
/// and the snapshot is sorted by it.
/// </summary>
internal sealed class RequestRecorder
{
    private readonly object _lock = new();
    private readonly List<(long Sequence, RequestLogEntry Entry)> _entries = new();
    private long _nextSequence;
    private long _resetFloor;

    /// <summary>Takes an arrival number for a request that has just come in.</summary>
    public long Arrive() => Interlocked.Increment(ref _nextSequence);

    public void Complete(long sequence, RequestLogEntry entry)
    {
        lock (_lock)
        {
            // A request that arrived before a reset belongs to the cleared period.
            if (sequence > _resetFloor)
            {
                _entries.Add((sequence, entry));
            }
        }
    }

    /// <summary>Requests that arrived since the last reset and are not written down yet.</summary>
    public long InProgress
    {
        get
        {
            lock (_lock)
            {
                return Interlocked.Read(ref _nextSequence) - _resetFloor - _entries.Count;
            }
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_lock)
        {
            return _entries.OrderBy(e => e.Sequence).Select(e => e.Entry).ToArray();
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _entries.Clear();
            _resetFloor = Interlocked.Read(ref _nextSequence);
        }
    }
}
