using System;
using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.Simulator.Resources;

/// <summary>The tags of one appliance and the devices each is assigned to, as the guide's "create and assign a device tag" example uses them.</summary>
internal sealed class TagStore
{
    private readonly object _lock = new();
    private readonly List<Tag> _tags = new();
    private readonly Dictionary<long, SortedSet<long>> _devices = new();
    private long _nextId = 1;

    public IReadOnlyList<Tag> All
    {
        get
        {
            lock (_lock)
            {
                return _tags.ToArray();
            }
        }
    }

    public Tag? Find(long id)
    {
        lock (_lock)
        {
            return _tags.FirstOrDefault(t => t.Id == id);
        }
    }

    public Tag Add(string name, long now)
    {
        lock (_lock)
        {
            var tag = new Tag(_nextId++, name, now);
            _tags.Add(tag);
            _devices[tag.Id] = new SortedSet<long>();
            return tag;
        }
    }

    public bool Rename(long id, string name, long now)
    {
        lock (_lock)
        {
            var index = _tags.FindIndex(t => t.Id == id);
            if (index < 0)
            {
                return false;
            }

            _tags[index] = _tags[index] with { Name = name, ModTime = now };
            return true;
        }
    }

    public bool Remove(long id)
    {
        lock (_lock)
        {
            _devices.Remove(id);
            return _tags.RemoveAll(t => t.Id == id) > 0;
        }
    }

    public void Assign(long id, IEnumerable<long> assign, IEnumerable<long> unassign)
    {
        lock (_lock)
        {
            var devices = _devices[id];
            devices.UnionWith(assign);
            devices.ExceptWith(unassign);
        }
    }

    public IReadOnlyList<long> DevicesOf(long id)
    {
        lock (_lock)
        {
            return _devices.TryGetValue(id, out var devices) ? devices.ToArray() : Array.Empty<long>();
        }
    }
}

/// <summary>A tag as GET /tags returns it.</summary>
internal sealed record Tag(long Id, string Name, long ModTime);
