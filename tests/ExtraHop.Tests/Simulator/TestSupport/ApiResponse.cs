using System.Net.Http.Headers;
using System.Text.Json;

namespace ExtraHop.Simulator.Tests.TestSupport;

/// <summary>A response read in full, with its body as text and (when it is JSON) parsed.</summary>
public sealed record ApiResponse(int Status, string Body, string? ContentType, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string ErrorMessage => Json.GetProperty("error_message").GetString()!;

    public string? Location => Headers.Location?.OriginalString;
}
