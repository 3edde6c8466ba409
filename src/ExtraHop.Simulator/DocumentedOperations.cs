using System.Collections.Generic;

namespace ExtraHop.Simulator;

/// <summary>One operation of the appliance API: a method and a path under <c>/api/v1</c>, with <c>{name}</c> segments.</summary>
public sealed record ApiOperation(string Method, string Path)
{
    /// <summary>"POST /apikeys", as the guide writes an operation.</summary>
    public override string ToString() => Method + " " + Path;
}

/// <summary>
/// The operations the ExtraHop REST API guide (9.9) lists in its resource tables for a sensor or console:
/// API keys, appliances, ExtraHop, jobs, license, running config, support packs and users. The simulator
/// serves every one of them; a test sweeps this list so that none is ever answered 404, 405 or 501.
/// </summary>
public static class DocumentedOperations
{
    /// <summary>Every documented operation, in the guide's order.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } = new ApiOperation[]
    {
        new("GET", "/apikeys"),
        new("POST", "/apikeys"),
        new("GET", "/apikeys/{keyid}"),

        new("GET", "/appliances"),
        new("POST", "/appliances"),
        new("DELETE", "/appliances/{id}"),
        new("GET", "/appliances/{id}"),
        new("GET", "/appliances/{id}/cloudservices"),
        new("POST", "/appliances/{id}/cloudservices"),
        new("GET", "/appliances/{id}/productkey"),
        new("GET", "/appliances/{ids_id}/association"),
        new("POST", "/appliances/{ids_id}/association"),
        new("GET", "/appliances/firmware/next"),
        new("POST", "/appliances/firmware/upgrade"),

        new("GET", "/extrahop"),
        new("GET", "/extrahop/edition"),
        new("POST", "/extrahop/firmware"),
        new("POST", "/extrahop/firmware/download/url"),
        new("POST", "/extrahop/firmware/latest/upgrade"),
        new("GET", "/extrahop/idrac"),
        new("GET", "/extrahop/platform"),
        new("GET", "/extrahop/processes"),
        new("POST", "/extrahop/processes/{process}/restart"),
        new("GET", "/extrahop/services"),
        new("PATCH", "/extrahop/services"),
        new("POST", "/extrahop/restart"),
        new("POST", "/extrahop/sslcert"),
        new("PUT", "/extrahop/sslcert"),
        new("POST", "/extrahop/sslcert/signingrequest"),
        new("GET", "/extrahop/ticketing"),
        new("PATCH", "/extrahop/ticketing"),
        new("GET", "/extrahop/version"),

        new("GET", "/jobs"),
        new("GET", "/jobs/{id}"),

        new("GET", "/license"),
        new("PUT", "/license"),
        new("GET", "/license/productkey"),
        new("PUT", "/license/productkey"),

        new("GET", "/runningconfig"),
        new("PUT", "/runningconfig"),
        new("POST", "/runningconfig/save"),
        new("GET", "/runningconfig/saved"),

        new("GET", "/supportpacks"),
        new("POST", "/supportpacks"),
        new("POST", "/supportpacks/execute"),
        new("GET", "/supportpacks/queue/{id}"),
        new("GET", "/supportpacks/{filename}"),

        new("GET", "/users"),
        new("POST", "/users"),
        new("DELETE", "/users/{username}"),
        new("GET", "/users/{username}"),
        new("PATCH", "/users/{username}"),
        new("GET", "/users/{username}/apikeys"),
        new("GET", "/users/{username}/apikeys/{keyid}"),
        new("DELETE", "/users/{username}/lock"),
        new("GET", "/users/{username}/lock"),
    };
}
