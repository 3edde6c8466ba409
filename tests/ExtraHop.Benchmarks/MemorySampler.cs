using System;
using System.Diagnostics;
using System.Threading;

namespace ExtraHop.Benchmarks;

/// <summary>
/// Samples this process's working set and managed heap every 20 ms from a background timer, and reports the
/// peak of each above the value taken just before sampling started.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly object _gate = new();
    private readonly long _workingSetBefore;
    private readonly long _managedBefore;
    private readonly Timer _timer;
    private long _workingSetPeak;
    private long _managedPeak;

    private MemorySampler()
    {
        _process.Refresh();
        _workingSetBefore = _workingSetPeak = _process.WorkingSet64;
        _managedBefore = _managedPeak = GC.GetTotalMemory(forceFullCollection: false);
        _timer = new Timer(_ => Sample(), null, Interval, Interval);
    }

    /// <summary>Starts sampling now; the "before" values are read first.</summary>
    public static MemorySampler Start() => new();

    public MemoryGrowth Stop()
    {
        _timer.Dispose();
        Sample();
        lock (_gate)
        {
            return new MemoryGrowth(_workingSetPeak - _workingSetBefore, _managedPeak - _managedBefore);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        lock (_gate)
        {
            _process.Refresh();
            _workingSetPeak = Math.Max(_workingSetPeak, _process.WorkingSet64);
            _managedPeak = Math.Max(_managedPeak, GC.GetTotalMemory(forceFullCollection: false));
        }
    }
}

/// <summary>Peak growth above the starting point, in bytes.</summary>
internal readonly record struct MemoryGrowth(long WorkingSetBytes, long ManagedBytes)
{
    public static MemoryGrowth Max(MemoryGrowth a, MemoryGrowth b) =>
        new(Math.Max(a.WorkingSetBytes, b.WorkingSetBytes), Math.Max(a.ManagedBytes, b.ManagedBytes));
}
