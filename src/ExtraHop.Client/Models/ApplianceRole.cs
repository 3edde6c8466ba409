namespace ExtraHop.Models
{
    /// <summary>What an appliance does in a deployment; decides its place in the upgrade order.</summary>
    public enum ApplianceRole
    {
        /// <summary>The appliance did not say, in words the module knows.</summary>
        Unknown = 0,
        /// <summary>Console (Command appliance): manages the others.</summary>
        Console,
        /// <summary>Sensor (Discover appliance): analyses wire data.</summary>
        Sensor,
        /// <summary>Recordstore (Explore appliance): stores records, in clusters of manager and data nodes.</summary>
        Recordstore,
        /// <summary>Packetstore (Trace appliance): stores packets.</summary>
        Packetstore,
    }
}
