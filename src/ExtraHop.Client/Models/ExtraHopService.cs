namespace ExtraHop.Models
{
    /// <summary>
    /// One service setting of an appliance (an entry of GET /extrahop/services, such as ssh or snmp). The keys of
    /// service_settings are UNKNOWN; INFERRED a map of service name to {"enabled": bool}. A bare boolean value is read
    /// as Enabled too; other fields of an entry are kept in ExtensionData.
    /// </summary>
    public sealed class ExtraHopService : ExtraHopObject
    {
        public string Name { get; internal set; } = string.Empty;

        /// <summary>Null when the appliance's entry carries no enabled flag.</summary>
        public bool? Enabled { get; internal set; }

        public override string ToString() => $"{Name} on {Server}: {(Enabled == true ? "enabled" : Enabled == false ? "disabled" : "unknown")}";
    }
}
