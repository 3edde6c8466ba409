using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ExtraHop.Simulator.Http;

/// <summary>How the simulator writes JSON: snake_case names like the real API, always with a JSON content type.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static Task WriteAsync(HttpResponse response, int statusCode, object value)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(response.Body, value, value.GetType(), Options, response.HttpContext.RequestAborted);
    }

    /// <summary>Every error carries <c>{"error_message": ...}</c>, which is what clients (and the official scripts) read.</summary>
    public static Task WriteErrorAsync(HttpResponse response, int statusCode, string message) =>
        WriteAsync(response, statusCode, new ErrorBody(message));

    private sealed record ErrorBody(string ErrorMessage);
}
