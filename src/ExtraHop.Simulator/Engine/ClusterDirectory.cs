using System.Collections.Generic;

namespace ExtraHop.Simulator.Engine;

/// <summary>
/// The record-ingest setting of each recordstore cluster. It is a cluster-wide setting: turning it off
/// through any node turns it off for every node, which is what the upgrade procedure depends on.
/// </summary>
internal sealed class ClusterDirectory
{
    private readonly object _lock = new();
    private readonly Dictionary<string, bool> _ingestEnabled = new();

    /// <summary>Adds a cluster; the first node registered decides the initial setting.</summary>
    public void Register(string cluster, bool ingestEnabled)
    {
        lock (_lock)
        {
            _ingestEnabled.TryAdd(cluster, ingestEnabled);
        }
    }

    public bool IsIngestEnabled(string cluster)
    {
        lock (_lock)
        {
            return _ingestEnabled.TryGetValue(cluster, out var enabled) && enabled;
        }
    }

    /// <summary>Sets the cluster's ingest; true when that changed it.</summary>
    public bool SetIngest(string cluster, bool enabled)
    {
        lock (_lock)
        {
            var changed = !_ingestEnabled.TryGetValue(cluster, out var current) || current != enabled;
            _ingestEnabled[cluster] = enabled;
            return changed;
        }
    }
}
