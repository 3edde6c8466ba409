using System;
using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>
    /// An appliance as GET /appliances lists it: the local one (id 0) and those connected to it. Field names are
    /// VERIFIED (3rd-party clients); advanced_analysis_capacity, whose type the sources disagree on, stays in
    /// ExtensionData rather than failing a read.
    /// </summary>
    public sealed class ExtraHopAppliance : ExtraHopObject
    {
        public long Id { get; internal set; }
        public string? Uuid { get; internal set; }
        public string? Hostname { get; internal set; }
        public string? DisplayName { get; internal set; }
        public string? Nickname { get; internal set; }
        public string? Platform { get; internal set; }
        public string? FirmwareVersion { get; internal set; }
        public string? LicenseStatus { get; internal set; }
        public string? StatusMessage { get; internal set; }
        public string? ConnectionType { get; internal set; }
        /// <summary>SHA-256 fingerprint of the appliance's certificate, as the console pinned it when connecting.</summary>
        public string? Fingerprint { get; internal set; }
        public bool? DataAccess { get; internal set; }
        /// <summary>True when the appliance is managed by the one asked (the console).</summary>
        public bool? ManagedByLocal { get; internal set; }
        /// <summary>True when the appliance manages the one asked.</summary>
        public bool? ManagesLocal { get; internal set; }
        public bool? AnalysisLevelsManaged { get; internal set; }
        public long? TotalCapacity { get; internal set; }
        /// <summary>When the connection was made (ms since the epoch on the wire); null for the local appliance.</summary>
        public DateTimeOffset? AddTime { get; internal set; }
        /// <summary>Last synchronisation; sources disagree whether it is ms since the epoch or a date-time text, both are read.</summary>
        public DateTimeOffset? SyncTime { get; internal set; }

        /// <summary>Console, sensor, recordstore or packetstore, read from the platform text.</summary>
        [NotFromApi]
        public ApplianceRole Role => PlatformRoles.FromPlatform(Platform);

        /// <summary>
        /// An IDS sensor (which joins a packet sensor, see Get-EHApplianceAssociation). INFERRED: the wire reference
        /// does not say how the API marks one; this reads "ids" as a word of the platform text ("discover-ids").
        /// </summary>
        [NotFromApi]
        public bool IsIdsSensor => Platform != null && Array.Exists(Platform.Split('-', '_', ' ', '/'), w => string.Equals(w, "ids", StringComparison.OrdinalIgnoreCase));

        /// <summary>The appliance asked itself (id 0 means "local" in the API).</summary>
        [NotFromApi]
        public bool IsLocal => Id == 0 || string.Equals(ConnectionType, "local", StringComparison.OrdinalIgnoreCase);

        /// <summary>The name to show: the nickname, else the display name, else the host name.</summary>
        [NotFromApi]
        public string Name => FirstOf(Nickname, DisplayName, Hostname) ?? "appliance " + Id;

        private static string? FirstOf(params string?[] values) => Array.Find(values, v => !string.IsNullOrWhiteSpace(v));

        public override string ToString() => $"{Name} (id {Id}, {FirmwareVersion ?? "unknown version"})";
    }

    /// <summary>
    /// The ExtraHop Cloud Services status of an appliance (GET /appliances/0/cloudservices). The guide does not name
    /// the fields; Enrolled is read from "enrolled" and Status from "status" (both INFERRED), and everything the
    /// appliance sends is kept in ExtensionData.
    /// </summary>
    public sealed class ExtraHopCloudService : ExtraHopObject
    {
        public bool? Enrolled { get; internal set; }
        public string? Status { get; internal set; }
        /// <summary>Whether the appliance may send detection data for machine-learning analysis (INFERRED field).</summary>
        public bool? MachineLearningEnabled { get; internal set; }
        public DateTimeOffset? LastContact { get; internal set; }

        public override string ToString() => $"{Server}: cloud services {(Enrolled == true ? "enrolled" : Enrolled == false ? "not enrolled" : Status ?? "unknown")}";
    }

    /// <summary>A product key of a connected appliance (GET /appliances/{id}/productkey, consoles only). Fields INFERRED.</summary>
    public sealed class ExtraHopApplianceProductKey : ExtraHopObject
    {
        [NotFromApi]
        public long ApplianceId { get; internal set; }
        public string? ProductKey { get; internal set; }
        public string? Module { get; internal set; }

        public override string ToString() => $"appliance {ApplianceId}: {ProductKey}";
    }

    /// <summary>Which packet sensor an IDS sensor is joined to (GET /appliances/{ids_id}/association, firmware 9.9 and later).</summary>
    public sealed class ExtraHopApplianceAssociation : ExtraHopObject
    {
        /// <summary>The IDS sensor's id on the console.</summary>
        [NotFromApi]
        public long IdsSensorId { get; internal set; }

        /// <summary>The packet sensor's id, or null when the IDS sensor is joined to none. INFERRED field name associated_sensor_id.</summary>
        public long? AssociatedSensorId { get; internal set; }

        public override string ToString() => $"IDS sensor {IdsSensorId} -> {(AssociatedSensorId.HasValue ? "sensor " + AssociatedSensorId : "none")}";
    }
}
