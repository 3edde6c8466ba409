using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace ExtraHop.Simulator.Http;

/// <summary>Who may call an endpoint.</summary>
internal enum Access
{
    /// <summary>No credential (the token endpoint, which is where credentials are exchanged).</summary>
    Public,

    /// <summary>Any authenticated user.</summary>
    AnyUser,

    /// <summary>Users who may perform every GET operation (system administrators and every write level).</summary>
    Reader,

    /// <summary>Users with system and access administration (<c>"system": "full"</c>).</summary>
    SystemAdministrator,
}

/// <summary>How the pipeline treats a request body before the handler runs.</summary>
internal enum BodyHandling
{
    /// <summary>Read as text up front (small, JSON) and logged when JSON.</summary>
    Text,

    /// <summary>Read as text up front but never logged, because it carries secrets.</summary>
    SecretText,

    /// <summary>Read as text up front and logged like <see cref="Text"/>, with the values of password fields replaced.</summary>
    RedactPasswords,

    /// <summary>Left to the handler to stream (firmware images).</summary>
    Stream,
}

/// <summary>One endpoint: method, path template (with <c>{name}</c> segments), who may call it, and its handler.</summary>
internal sealed class Route
{
    private readonly string[] _segments;

    public Route(string method, string template, Access access, Func<ApiContext, Task> handler, BodyHandling body = BodyHandling.Text)
    {
        Method = method;
        Access = access;
        Handler = handler;
        Body = body;
        _segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    public string Method { get; }

    public Access Access { get; }

    public BodyHandling Body { get; }

    public Func<ApiContext, Task> Handler { get; }

    /// <summary>Matches a path split into segments; fills the template's named values.</summary>
    public bool TryMatch(string[] segments, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (segments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var expected = _segments[i];
            if (IsPlaceholder(expected))
            {
                values[expected[1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(expected, segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlaceholder(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
