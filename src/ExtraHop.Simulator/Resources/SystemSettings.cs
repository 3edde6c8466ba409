using System;
using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.Simulator.Resources;

/// <summary>
/// One appliance's processes, services and ticketing integration. The guide names these resources but not their
/// fields; the shapes served are the simulator's INFERRED ones (see the endpoints).
/// </summary>
internal sealed class SystemSettings
{
    /// <summary>The process names the 26.3 API spec lists for process restart (the 9.x set may differ slightly).</summary>
    public static readonly IReadOnlyList<string> ProcessNames = new[]
    {
        "exadmin", "exalerts", "examf", "exapi", "exbridge", "excap", "exconfig", "exflowlogs", "expktfeeder",
        "exsnmpq", "exnotify", "exportal", "exremote", "exsearch", "exstatmirror", "extrend", "webserver", "hopcloud-api",
    };

    private readonly object _lock = new();
    private readonly Func<DateTimeOffset> _now;
    private readonly Dictionary<string, DateTimeOffset?> _startedAt = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, bool> _services = new(StringComparer.Ordinal)
    {
        ["management_gui"] = true,
        ["snmp"] = false,
        ["ssh"] = true,
    };

    private bool _ticketingEnabled;
    private string _ticketUrlTemplate = string.Empty;

    public SystemSettings(IEnumerable<string> stoppedProcesses, Func<DateTimeOffset> now)
    {
        _now = now;
        var bootedAt = now().AddDays(-3);
        foreach (var name in ProcessNames)
        {
            _startedAt[name] = bootedAt;
        }

        foreach (var name in stoppedProcesses)
        {
            _startedAt[Known(name)] = null;
        }
    }

    /// <summary>Each process with its uptime in seconds; null for one that is not running.</summary>
    public IReadOnlyList<(string Name, long? UptimeSeconds)> Processes()
    {
        lock (_lock)
        {
            var now = _now();
            return _startedAt.Select(p => (p.Key, p.Value is { } started ? (long?)Math.Max(1, (long)(now - started).TotalSeconds) : null)).ToArray();
        }
    }

    public bool HasProcess(string name) => _startedAt.ContainsKey(name);

    /// <summary>A restart starts a process whether or not it was running.</summary>
    public void RestartProcess(string name)
    {
        lock (_lock)
        {
            _startedAt[Known(name)] = _now();
        }
    }

    /// <summary>Stops a process, as a crash would; it stays stopped until restarted.</summary>
    public void StopProcess(string name)
    {
        lock (_lock)
        {
            _startedAt[Known(name)] = null;
        }
    }

    public IReadOnlyDictionary<string, bool> Services()
    {
        lock (_lock)
        {
            return new Dictionary<string, bool>(_services);
        }
    }

    public bool HasService(string name)
    {
        lock (_lock)
        {
            return _services.ContainsKey(name);
        }
    }

    public void SetServices(IReadOnlyDictionary<string, bool> enabled)
    {
        lock (_lock)
        {
            foreach (var (name, value) in enabled)
            {
                _services[name] = value;
            }
        }
    }

    public (bool Enabled, string UrlTemplate) Ticketing()
    {
        lock (_lock)
        {
            return (_ticketingEnabled, _ticketUrlTemplate);
        }
    }

    public void SetTicketing(bool? enabled, string? urlTemplate)
    {
        lock (_lock)
        {
            _ticketingEnabled = enabled ?? _ticketingEnabled;
            _ticketUrlTemplate = urlTemplate ?? _ticketUrlTemplate;
        }
    }

    private string Known(string name) => _startedAt.ContainsKey(name)
        ? name
        : throw new ArgumentException($"The simulator has no process named '{name}'. Its processes: {string.Join(", ", ProcessNames)}.", nameof(name));
}
