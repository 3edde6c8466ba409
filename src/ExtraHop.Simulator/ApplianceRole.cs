namespace ExtraHop.Simulator;

/// <summary>The kind of ExtraHop appliance a simulated appliance plays.</summary>
public enum ApplianceRole
{
    /// <summary>Console (the API calls it "command"): manages connected appliances.</summary>
    Console,

    /// <summary>Sensor (the API calls it "discover"): analyses wire data.</summary>
    Sensor,

    /// <summary>Recordstore (the API calls it "explore"): stores records; has cluster ingest.</summary>
    Recordstore,

    /// <summary>Packetstore (the API calls it "trace"): stores packets.</summary>
    Packetstore,
}
