using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>An appliance's identity and firmware (GET /extrahop, plus its edition, iDRAC address and platform).</summary>
    public sealed class ExtraHopSystem : ExtraHopObject
    {
        public string? Hostname { get; internal set; }
        public string? Version { get; internal set; }
        public string? Platform { get; internal set; }
        public string? DisplayHost { get; internal set; }
        public string? ExternalHostname { get; internal set; }
        [ApiName("mgmt_ipaddr")]
        public string? ManagementAddress { get; internal set; }
        /// <summary>From /extrahop/edition; empty when the appliance does not offer it.</summary>
        [NotFromApi]
        public string? Edition { get; internal set; }
        /// <summary>From /extrahop/idrac: the address of the hardware's iDRAC; empty on virtual appliances and others that do not serve it.</summary>
        [NotFromApi]
        public string? IdracAddress { get; internal set; }
        [NotFromApi]
        public ApplianceRole Role => PlatformRoles.FromPlatform(Platform);

        public override string ToString() => $"{Hostname ?? Server} {Platform} {Version}";
    }
}
