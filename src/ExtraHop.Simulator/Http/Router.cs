using System;
using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.Simulator.Http;

/// <summary>The result of looking a request up: the route, or whether the path exists for other methods.</summary>
internal sealed record RouteMatch(Route? Route, IReadOnlyDictionary<string, string> Values, bool PathExists);

/// <summary>
/// Finds the endpoint for a method and path. Trailing slashes are ignored everywhere, because clients
/// call both <c>/api/v1/extrahop</c> and <c>/api/v1/extrahop/</c> (the official upgrade script does the latter).
/// </summary>
internal sealed class Router
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();
    private readonly IReadOnlyList<Route> _routes;

    public Router(IReadOnlyList<Route> routes) => _routes = routes;

    public RouteMatch Match(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathExists = false;
        foreach (var route in _routes)
        {
            if (!route.TryMatch(segments, out var values))
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return new RouteMatch(route, values, true);
            }

            pathExists = true;
        }

        return new RouteMatch(null, NoValues, pathExists);
    }

    /// <summary>The methods a path accepts, for the Allow header of a 405.</summary>
    public string AllowedMethods(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(", ", _routes.Where(r => r.TryMatch(segments, out _)).Select(r => r.Method).Distinct());
    }
}
