using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// /runningconfig: get the running config (whole, or one top-level section with ?section=), replace it (not saved),
/// save it, and get the saved copy. What an appliance answers for an unknown section is UNKNOWN; the simulator
/// answers 404 with an error_message.
/// </summary>
internal static class RunningConfigEndpoints
{
    public static Task GetAsync(ApiContext c)
    {
        var section = c.Query("section");
        if (section is null)
        {
            return WriteAsync(c, c.Appliance.RunningConfig.Running);
        }

        return WriteAsync(c, c.Appliance.RunningConfig.Section(section)
            ?? throw new ApiErrorException(404, $"The running config has no section '{section}'"));
    }

    public static Task GetSavedAsync(ApiContext c) => WriteAsync(c, c.Appliance.RunningConfig.Saved);

    public static Task ReplaceAsync(ApiContext c)
    {
        JsonObject config;
        try
        {
            config = JsonNode.Parse(c.BodyText ?? string.Empty) as JsonObject
                ?? throw new ApiErrorException(400, "The running config must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new ApiErrorException(400, $"The running config is not valid JSON: {e.Message}");
        }

        if (c.Engine.Faults.TakeConfigReplaceRefusal() is { } refusal)
        {
            throw new ApiErrorException(400, refusal);
        }

        c.Appliance.RunningConfig.Replace(config);
        return c.NoContentAsync();
    }

    public static Task SaveAsync(ApiContext c)
    {
        c.Appliance.RunningConfig.Save();
        return c.NoContentAsync();
    }

    private static async Task WriteAsync(ApiContext c, string json)
    {
        var delay = c.Engine.Faults.ConfigReadDelay;
        if (delay > System.TimeSpan.Zero)
        {
            await Task.Delay(delay, c.Http.RequestAborted).ConfigureAwait(false);
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        c.Http.Response.StatusCode = 200;
        c.Http.Response.ContentType = "application/json";
        c.Http.Response.ContentLength = bytes.Length;
        await c.Http.Response.Body.WriteAsync(bytes, c.Http.RequestAborted).ConfigureAwait(false);
    }
}
