namespace ExtraHop.Simulator;

/// <summary>An appliance connected to a simulated console, as <c>GET /appliances</c> lists it.</summary>
public sealed class ConnectedApplianceOptions
{
    /// <summary>The host name the console knows it by.</summary>
    public string Hostname { get; set; } = "sensor.example.com";

    /// <summary>Its kind: sensor, recordstore or packetstore (a console may also list another console).</summary>
    public ApplianceRole Role { get; set; } = ApplianceRole.Sensor;

    /// <summary>An IDS sensor (role Sensor): it joins a packet sensor (<c>/appliances/{ids_id}/association</c>).</summary>
    public bool Ids { get; set; }

    /// <summary>The firmware it runs; null means the console's own version.</summary>
    public string? Version { get; set; }
}
