using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ExtraHop.Simulator.Security;

/// <summary>
/// The RevealX 360 side of one appliance: checks client credentials and issues bearer tokens that expire
/// after a lifetime in REAL seconds (token refresh is about the client's wall clock, not the simulation's).
/// </summary>
internal sealed class TokenIssuer
{
    private readonly object _lock = new();
    private readonly Dictionary<string, long> _expiryByToken = new(StringComparer.Ordinal);
    private readonly byte[] _clientId;
    private readonly byte[] _clientSecret;

    public TokenIssuer(string clientId, string clientSecret, int lifetimeSeconds)
    {
        if (lifetimeSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetimeSeconds), lifetimeSeconds, "Token lifetime must be positive.");
        }

        _clientId = Encoding.UTF8.GetBytes(clientId);
        _clientSecret = Encoding.UTF8.GetBytes(clientSecret);
        LifetimeSeconds = lifetimeSeconds;
    }

    public int LifetimeSeconds { get; }

    public bool CredentialsMatch(string clientId, string clientSecret) =>
        CryptographicOperations.FixedTimeEquals(_clientId, Encoding.UTF8.GetBytes(clientId))
        & CryptographicOperations.FixedTimeEquals(_clientSecret, Encoding.UTF8.GetBytes(clientSecret));

    public string Issue()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = Environment.TickCount64;
        lock (_lock)
        {
            // Forget expired tokens so a long-running simulator does not collect them.
            foreach (var expired in _expiryByToken.Where(t => t.Value <= now).Select(t => t.Key).ToArray())
            {
                _expiryByToken.Remove(expired);
            }

            _expiryByToken[token] = now + (LifetimeSeconds * 1000L);
        }

        return token;
    }

    public bool IsValid(string token)
    {
        lock (_lock)
        {
            return _expiryByToken.TryGetValue(token, out var expiry) && Environment.TickCount64 < expiry;
        }
    }

    /// <summary>Invalidates every token issued so far (the next call with one gets 401).</summary>
    public void ExpireAll()
    {
        lock (_lock)
        {
            _expiryByToken.Clear();
        }
    }
}
