using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>
    /// An appliance's ticketing integration (GET /extrahop/ticketing, ticket_tracking_parameters). Its fields are
    /// UNKNOWN; INFERRED "enabled" and "url_template" (the link to a ticket, with $ticket_id in it). Whatever else the
    /// appliance sends is kept in ExtensionData.
    /// </summary>
    public sealed class ExtraHopTicketing : ExtraHopObject
    {
        public bool? Enabled { get; internal set; }

        [ApiName("url_template")]
        public string? UrlTemplate { get; internal set; }

        public override string ToString() => $"Ticketing on {Server}: {(Enabled == true ? "enabled" : Enabled == false ? "disabled" : "unknown")} {UrlTemplate}";
    }
}
