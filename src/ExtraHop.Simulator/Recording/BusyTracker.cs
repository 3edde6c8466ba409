using System.Collections.Generic;

namespace ExtraHop.Simulator.Recording;

/// <summary>
/// Counts appliances that are "busy" with firmware work and remembers the highest count, which is how
/// tests prove that a client's fleet throttle was never exceeded.
/// An appliance is busy while a firmware upload is being received and while a job (upgrade, download,
/// rollback) has not reached a terminal status. The short gap between a finished upload and
/// the upgrade request that follows is deliberately not counted: counting it would need a guessed grace
/// window, and any window would make an upload-only client that moves straight on to the next appliance
/// look like it exceeded its throttle. A throttle violation shows up anyway while the jobs overlap.
/// </summary>
internal sealed class BusyTracker
{
    private readonly object _lock = new();
    private readonly Dictionary<string, int> _workByAppliance = new();
    private int _max;

    public int Max
    {
        get
        {
            lock (_lock)
            {
                return _max;
            }
        }
    }

    public void Enter(string appliance)
    {
        lock (_lock)
        {
            _workByAppliance.TryGetValue(appliance, out var work);
            _workByAppliance[appliance] = work + 1;
            if (_workByAppliance.Count > _max)
            {
                _max = _workByAppliance.Count;
            }
        }
    }

    public void Exit(string appliance)
    {
        lock (_lock)
        {
            if (!_workByAppliance.TryGetValue(appliance, out var work))
            {
                return;
            }

            if (work <= 1)
            {
                _workByAppliance.Remove(appliance);
            }
            else
            {
                _workByAppliance[appliance] = work - 1;
            }
        }
    }

    /// <summary>Starts a new measuring period from what is busy right now.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _max = _workByAppliance.Count;
        }
    }
}
