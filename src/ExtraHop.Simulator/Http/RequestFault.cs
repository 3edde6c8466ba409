using System;

namespace ExtraHop.Simulator.Http;

/// <summary>A pending request fault: how many requests it still applies to, and how it answers them.</summary>
/// <param name="Remaining">Requests it still applies to.</param>
/// <param name="StatusCode">The status answered (429 for rate limiting; unused for hanging).</param>
/// <param name="RetryAfterSeconds">The <c>Retry-After</c> value for rate limiting.</param>
/// <param name="PathPrefix">Only requests under this path; null for all.</param>
internal sealed record RequestFault(int Remaining, int StatusCode, int RetryAfterSeconds, string? PathPrefix)
{
    public bool IsHang => StatusCode == 0;

    public bool Matches(string path) =>
        PathPrefix is null
        || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(ApiPaths.Root + PathPrefix, StringComparison.OrdinalIgnoreCase);
}
