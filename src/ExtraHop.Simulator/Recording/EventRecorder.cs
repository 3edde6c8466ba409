using System;
using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.Simulator.Recording;

/// <summary>
/// The state changes of a host. Timed transitions are stamped with the moment their schedule put them at,
/// which can be a little earlier than when they were processed, so the snapshot is ordered by time
/// (stable, so same-time events keep the order they were recorded in).
/// </summary>
internal sealed class EventRecorder
{
    private readonly object _lock = new();
    private readonly List<SimulatorEvent> _events = new();

    public void Record(SimulatorEvent simulatorEvent)
    {
        lock (_lock)
        {
            _events.Add(simulatorEvent);
        }
    }

    public IReadOnlyList<SimulatorEvent> Snapshot()
    {
        lock (_lock)
        {
            return _events.OrderBy(e => e.Time).ToArray();
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _events.Clear();
        }
    }
}
