using System;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// <c>POST /oauth2/token</c> of a RevealX 360 tenant: the OAuth2 client-credentials grant. Credentials come
/// either in a Basic header or as form fields (both work against the real service). Errors here use
/// OAuth's <c>{"error": ...}</c> shape, not <c>error_message</c>, as the real endpoint does.
/// </summary>
internal static class TokenEndpoint
{
    public static Task IssueAsync(ApiContext c)
    {
        var tokens = c.Appliance.Tokens
            ?? throw new ApiErrorException(404, "This appliance is not a RevealX 360 tenant; use an API key");

        var form = QueryHelpers.ParseQuery(c.BodyText ?? string.Empty);
        if (!string.Equals(form["grant_type"], "client_credentials", StringComparison.Ordinal))
        {
            return ApiJson.WriteAsync(c.Http.Response, 400, new OAuthError("unsupported_grant_type"));
        }

        var (id, secret) = BasicCredentials(c.Http.Request.Headers.Authorization) ?? (Single(form["client_id"]), Single(form["client_secret"]));
        if (id is null || secret is null || !tokens.CredentialsMatch(id, secret))
        {
            return ApiJson.WriteAsync(c.Http.Response, 400, new OAuthError("invalid_client"));
        }

        return c.OkAsync(new TokenResponse(tokens.Issue(), tokens.LifetimeSeconds, "Bearer"));
    }

    private static (string? Id, string? Secret)? BasicCredentials(StringValues header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (pair[..colon], pair[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;

    private sealed record OAuthError(string Error);

    private sealed record TokenResponse(string AccessToken, int ExpiresIn, string TokenType);
}
