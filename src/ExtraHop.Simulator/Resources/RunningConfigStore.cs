using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExtraHop.Simulator.Resources;

/// <summary>
/// The appliance's running config and its saved copy, both as the JSON text the appliance sends. A replace changes
/// only the running copy; a save copies it to the saved one, so until then the two differ ("unsaved changes").
/// The appliance renders the config itself (indented, in its own field order, not sorted), as an appliance would.
/// </summary>
internal sealed class RunningConfigStore
{
    private static readonly JsonSerializerOptions Rendering = new() { WriteIndented = true };

    private readonly object _lock = new();
    private string _running;
    private string _saved;

    public RunningConfigStore(string hostname)
    {
        _running = Render(JsonNode.Parse(Initial(hostname))!);
        _saved = _running;
    }

    public string Running
    {
        get
        {
            lock (_lock)
            {
                return _running;
            }
        }
    }

    public string Saved
    {
        get
        {
            lock (_lock)
            {
                return _saved;
            }
        }
    }

    /// <summary>One top-level section as JSON text (names compared without case), or null when the config has none by that name.</summary>
    public string? Section(string name)
    {
        var config = JsonNode.Parse(Running)!.AsObject();
        foreach (var (key, value) in config)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value is null ? "null" : Render(value);
            }
        }

        return null;
    }

    /// <summary>Replaces the running config with <paramref name="config"/> (a JSON object).</summary>
    public void Replace(JsonObject config)
    {
        var text = Render(config);
        lock (_lock)
        {
            _running = text;
        }
    }

    public void Save()
    {
        lock (_lock)
        {
            _saved = _running;
        }
    }

    private static string Render(JsonNode node) => node.ToJsonString(Rendering);

    /// <summary>
    /// A small config with several sections, fields out of alphabetical order, a number with a trailing zero, text
    /// outside ASCII, and secrets (SNMP community, LDAP bind password, a RADIUS shared secret) that differ per appliance.
    /// </summary>
    private static string Initial(string hostname) => $$"""
        {
          "network": { "hostname": "{{hostname}}", "mtu": 1500, "interfaces": [ { "name": "mgmt", "dhcp": false, "ipaddr": "10.0.0.10" } ] },
          "dns": { "servers": [ "10.0.0.2", "10.0.0.3" ], "search_domains": [ "corp.example.com" ] },
          "ntp": { "servers": [ "0.pool.ntp.org", "1.pool.ntp.org" ], "timezone": "Europe/Zürich" },
          "snmp": { "enabled": true, "contact": "noc@example.com", "community": "public-{{hostname}}-c0mmunity" },
          "auth": {
            "ldap": { "enabled": true, "server": "ldap.corp.example.com", "bind_dn": "cn=extrahop,ou=svc,dc=corp", "bind_password": "Ldap-{{hostname}}-Pa55" },
            "radius": { "enabled": false, "shared_secret": "radius-{{hostname}}-s3cret" }
          },
          "capture": { "ratio": 1.50, "enabled": true, "excludes": [] }
        }
        """;
}
