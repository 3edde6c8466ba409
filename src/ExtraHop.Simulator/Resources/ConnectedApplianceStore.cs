using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Hosting;

namespace ExtraHop.Simulator.Resources;

/// <summary>
/// What a console knows of the appliances connected to it: their records (ids from 1), product keys, IDS
/// associations, its cloud services enrolment, and the remote upgrades it has started. A remote upgrade's new
/// version lands on its appliances when the console's job ends (read lazily from the job, like all simulated time).
/// One lock guards it all.
/// </summary>
internal sealed class ConnectedApplianceStore
{
    private readonly object _lock = new();
    private readonly ApplianceEngine _engine;
    private readonly List<ConnectedRecord> _records = new();
    private readonly Dictionary<long, long?> _associations = new();
    private readonly List<(string JobId, long[] Ids, string Version)> _upgrades = new();
    private long _nextId = 1;
    private bool _cloudEnrolled = true;

    public ConnectedApplianceStore(ApplianceOptions options, ApplianceEngine engine)
    {
        _engine = engine;
        if (options.Role != ApplianceRole.Console)
        {
            return;
        }

        var wall = engine.Host.Clock.WallNow;
        foreach (var connected in options.ConnectedAppliances ?? DefaultSet(options.Name))
        {
            Add(connected.Hostname, connected.Role, connected.Ids, connected.Version ?? options.Version, dataAccess: true, nickname: null, wall.AddDays(-60 + _records.Count));
        }
    }

    public bool CloudEnrolled
    {
        get { lock (_lock) { return _cloudEnrolled; } }
    }

    public IReadOnlyList<ConnectedRecord> All()
    {
        lock (_lock)
        {
            ApplyFinishedUpgrades();
            return _records.Select(r => r with { }).ToArray();
        }
    }

    public ConnectedRecord? Find(long id) => All().FirstOrDefault(r => r.Id == id);

    public ConnectedRecord Add(string hostname, ApplianceRole role, bool ids, string version, bool dataAccess, string? nickname, DateTimeOffset addedAt)
    {
        lock (_lock)
        {
            var id = _nextId++;
            var record = new ConnectedRecord(id, hostname, role, ids, version, dataAccess, nickname, addedAt.ToUnixTimeMilliseconds(),
                string.Create(CultureInfo.InvariantCulture, $"SIM{id:D3}-{Math.Abs(hostname.GetHashCode(StringComparison.Ordinal)) % 100000:D5}-EH"));
            _records.Add(record);
            return record;
        }
    }

    public bool Remove(long id)
    {
        lock (_lock)
        {
            _associations.Remove(id);
            return _records.RemoveAll(r => r.Id == id) > 0;
        }
    }

    public void Unenroll()
    {
        lock (_lock)
        {
            _cloudEnrolled = false;
        }
    }

    public long? AssociationOf(long idsId)
    {
        lock (_lock)
        {
            return _associations.TryGetValue(idsId, out var sensor) ? sensor : null;
        }
    }

    public void Associate(long idsId, long sensorId)
    {
        lock (_lock)
        {
            _associations[idsId] = sensorId;
        }
    }

    public void NoteUpgrade(string jobId, long[] ids, string version)
    {
        lock (_lock)
        {
            _upgrades.Add((jobId, ids, version));
        }
    }

    private void ApplyFinishedUpgrades()
    {
        for (var i = _upgrades.Count - 1; i >= 0; i--)
        {
            var (jobId, ids, version) = _upgrades[i];
            var job = _engine.FindJob(jobId);
            if (job is null || job.Status == "RUNNING")
            {
                continue;
            }

            _upgrades.RemoveAt(i);
            if (job.Status != "DONE")
            {
                continue;
            }

            // Only the sub-jobs that ended DONE moved to the new version.
            var done = job.RemoteJobs.OfType<RemoteJobView>().Where(r => r.Status == "DONE").Select(r => r.SystemId).ToHashSet();
            for (var r = 0; r < _records.Count; r++)
            {
                if (ids.Contains(_records[r].Id) && done.Contains(_records[r].Id) && FirmwareVersion.Compare(version, _records[r].Version) > 0)
                {
                    _records[r] = _records[r] with { Version = version };
                }
            }
        }
    }

    private static IEnumerable<ConnectedApplianceOptions> DefaultSet(string console) => new[]
    {
        new ConnectedApplianceOptions { Hostname = console + "-sensor1", Role = ApplianceRole.Sensor },
        new ConnectedApplianceOptions { Hostname = console + "-ids1", Role = ApplianceRole.Sensor, Ids = true },
        new ConnectedApplianceOptions { Hostname = console + "-recordstore1", Role = ApplianceRole.Recordstore },
        new ConnectedApplianceOptions { Hostname = console + "-packetstore1", Role = ApplianceRole.Packetstore },
    };
}

/// <summary>One connected appliance as the console records it.</summary>
internal sealed record ConnectedRecord(long Id, string Hostname, ApplianceRole Role, bool Ids, string Version, bool DataAccess, string? Nickname, long AddTime, string ProductKey)
{
    /// <summary>The API's word for the kind, as in <c>remote_appliance_type</c>; an IDS sensor's platform says so too (INFERRED).</summary>
    public string Platform => Role switch
    {
        ApplianceRole.Console => "command",
        ApplianceRole.Recordstore => "explore",
        ApplianceRole.Packetstore => "trace",
        _ => Ids ? "discover-ids" : "discover",
    };
}
