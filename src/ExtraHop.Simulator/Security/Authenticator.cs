using System;
using System.Net.Http.Headers;

namespace ExtraHop.Simulator.Security;

/// <summary>
/// Turns an Authorization header into the calling user. An appliance accepts one credential family:
/// an ExtraHop appliance takes <c>ExtraHop apikey=KEY</c>; a RevealX 360 tenant takes only
/// <c>Bearer TOKEN</c> from its token endpoint (the two are separate products and credential types).
/// </summary>
internal sealed class Authenticator
{
    private const string ApiKeyScheme = "ExtraHop";
    private const string ApiKeyPrefix = "apikey=";

    private readonly UserDirectory _users;
    private readonly TokenIssuer? _tokens;

    public Authenticator(UserDirectory users, TokenIssuer? tokens)
    {
        _users = users;
        _tokens = tokens;
    }

    /// <summary>The caller, or null with the message a 401 should carry.</summary>
    public User? Authenticate(string? authorization, out string failure)
    {
        failure = string.Empty;
        if (string.IsNullOrWhiteSpace(authorization) || !AuthenticationHeaderValue.TryParse(authorization, out var header))
        {
            failure = _tokens is null ? "Missing or malformed Authorization header; expected 'ExtraHop apikey=<key>'" : "Invalid access token";
            return null;
        }

        if (_tokens is not null)
        {
            if (string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } token && _tokens.IsValid(token))
            {
                return _users.Admin;
            }

            failure = "Invalid access token";
            return null;
        }

        if (string.Equals(header.Scheme, ApiKeyScheme, StringComparison.OrdinalIgnoreCase)
            && header.Parameter is { } parameter
            && parameter.StartsWith(ApiKeyPrefix, StringComparison.OrdinalIgnoreCase)
            && _users.FindByKey(parameter[ApiKeyPrefix.Length..]) is { } user)
        {
            if (!user.Enabled)
            {
                // A disabled account's keys stop working with it (INFERRED: the guide does not say; anything else would defeat disabling).
                failure = $"The account '{user.Username}' is disabled";
                return null;
            }

            return user;
        }

        failure = "Invalid API key";
        return null;
    }
}
