using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// GET/PATCH /extrahop/services and /extrahop/ticketing. Their fields are UNKNOWN; the simulator serves the INFERRED
/// shapes: services as a map of name to <c>{"enabled": bool}</c>, ticketing as <c>{"enabled", "url_template"}</c>.
/// A PATCH changes only what it names, answers 204, and refuses (400) names and values it does not know.
/// </summary>
internal static class SettingsEndpoints
{
    public static Task GetServicesAsync(ApiContext c) =>
        c.OkAsync(c.Appliance.System.Services().ToDictionary(s => s.Key, s => new ServiceSetting(s.Value)));

    public static Task PatchServicesAsync(ApiContext c)
    {
        var changes = new Dictionary<string, bool>();
        foreach (var service in c.ReadJsonObject().EnumerateObject())
        {
            if (!c.Appliance.System.HasService(service.Name))
            {
                throw new ApiErrorException(400, $"Unknown service: {service.Name}");
            }

            changes[service.Name] = service.Value.ValueKind == JsonValueKind.Object
                && service.Value.TryGetProperty("enabled", out var enabled)
                && enabled.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? enabled.GetBoolean()
                    : throw new ApiErrorException(400, $"The setting of service {service.Name} must be an object with enabled set to true or false");
        }

        c.Appliance.System.SetServices(changes);
        c.Engine.Record(SimulatorEventKind.SettingsChanged, "services " + string.Join(" ", changes.Select(s => $"{s.Key}={(s.Value ? "true" : "false")}")));
        return c.NoContentAsync();
    }

    public static Task GetTicketingAsync(ApiContext c)
    {
        var (enabled, template) = c.Appliance.System.Ticketing();
        return c.OkAsync(new Ticketing(enabled, template));
    }

    public static Task PatchTicketingAsync(ApiContext c)
    {
        bool? enabled = null;
        string? template = null;
        foreach (var field in c.ReadJsonObject().EnumerateObject())
        {
            switch (field.Name)
            {
                case "enabled" when field.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    enabled = field.Value.GetBoolean();
                    break;
                case "url_template" when field.Value.ValueKind == JsonValueKind.String:
                    template = field.Value.GetString();
                    break;
                default:
                    throw new ApiErrorException(400, $"Unknown or invalid ticketing field: {field.Name}");
            }
        }

        c.Appliance.System.SetTicketing(enabled, template);
        c.Engine.Record(SimulatorEventKind.SettingsChanged, "ticketing");
        return c.NoContentAsync();
    }

    private sealed record ServiceSetting(bool Enabled);

    private sealed record Ticketing(bool Enabled, string UrlTemplate);
}
