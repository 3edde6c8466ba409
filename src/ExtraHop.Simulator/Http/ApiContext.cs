using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Hosting;
using ExtraHop.Simulator.Security;
using Microsoft.AspNetCore.Http;

namespace ExtraHop.Simulator.Http;

/// <summary>What an endpoint handler gets: the request, the appliance, the caller, and ways to answer.</summary>
internal sealed class ApiContext
{
    private static readonly object EmptyObject = new Dictionary<string, object>();

    private readonly IReadOnlyDictionary<string, string> _routeValues;

    public ApiContext(HttpContext http, ApplianceRuntime appliance, User? caller, IReadOnlyDictionary<string, string> routeValues, string? bodyText)
    {
        Http = http;
        Appliance = appliance;
        Caller = caller;
        _routeValues = routeValues;
        BodyText = bodyText;
    }

    public HttpContext Http { get; }

    public ApplianceRuntime Appliance { get; }

    public ApplianceEngine Engine => Appliance.Engine;

    /// <summary>The authenticated user; null only on public endpoints.</summary>
    public User? Caller { get; }

    /// <summary>The request body read up front (not for streamed endpoints); null when there was none.</summary>
    public string? BodyText { get; }

    public string RouteValue(string name) => _routeValues[name];

    /// <summary>
    /// The JSON body as <typeparamref name="T"/>, or null when the request has no body. Content-Type is not
    /// checked: the official scripts send none on body-less POSTs and Windows PowerShell sends JSON labelled as a form.
    /// </summary>
    public T? ReadJson<T>()
        where T : class
    {
        if (string.IsNullOrWhiteSpace(BodyText))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(BodyText, ApiJson.Options);
        }
        catch (JsonException e)
        {
            throw new ApiErrorException(400, $"The request body is not valid: {e.Message}");
        }
    }

    /// <summary>The JSON object body, for handlers that must tell a field that is absent from one that is null; 400 otherwise.</summary>
    public JsonElement ReadJsonObject()
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(BodyText) ? "null" : BodyText);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new ApiErrorException(400, "The request body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new ApiErrorException(400, $"The request body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A query string value, or null when the request has none.</summary>
    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    public Task OkAsync(object value) => ApiJson.WriteAsync(Http.Response, 200, value);

    /// <summary>201 with an empty JSON object, as the firmware upload answers.</summary>
    public Task CreatedAsync() => ApiJson.WriteAsync(Http.Response, 201, EmptyObject);

    /// <summary>201 with the new object's RELATIVE location (its last segment is the id) and a JSON body (an empty object by default).</summary>
    public Task CreatedAsync(string location, object? body = null)
    {
        Http.Response.Headers.Location = location;
        return ApiJson.WriteAsync(Http.Response, 201, body ?? EmptyObject);
    }

    public Task NoContentAsync()
    {
        Http.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    /// <summary>202 with the job's RELATIVE location: the official scripts glue it to the host they called.</summary>
    public Task AcceptedAsync(Job job)
    {
        Http.Response.Headers.Location = ApiPaths.Job(job.Id);
        return ApiJson.WriteAsync(Http.Response, 202, EmptyObject);
    }

    /// <summary>202 for work that goes on after the answer but is no job a client could follow.</summary>
    public Task AcceptedWithoutJobAsync() => ApiJson.WriteAsync(Http.Response, 202, EmptyObject);
}
