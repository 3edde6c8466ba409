using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Security;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// API keys: every user sees its own keys in full; <c>system: full</c> also sees the last four characters and the
/// description of everyone else's. The one key the API creates is the setup user's first key, for its password.
/// </summary>
internal static class ApiKeyEndpoints
{
    public static Task ListAsync(ApiContext c) => c.OkAsync(c.Appliance.Users.KeysAsSeenBy(c.Caller!));

    public static Task GetAsync(ApiContext c) => c.OkAsync(Visible(c, KeyId(c)));

    /// <summary>GET /users/{username}/apikeys: the user's own keys, or anyone's for system: full.</summary>
    public static Task ListForUserAsync(ApiContext c)
    {
        var owner = OwnerVisibleTo(c);
        return c.OkAsync(c.Appliance.Users.KeysAsSeenBy(c.Caller!).Where(k => k.UserId == owner.Id).ToArray());
    }

    /// <summary>GET /users/{username}/apikeys/{keyid}: deprecated in favour of /apikeys/{keyid}, still served.</summary>
    public static Task GetForUserAsync(ApiContext c)
    {
        var owner = OwnerVisibleTo(c);
        var key = Visible(c, KeyId(c));
        return key.UserId == owner.Id ? c.OkAsync(key) : throw new ApiErrorException(404, $"User '{owner.Username}' has no API key {key.Id}");
    }

    /// <summary>
    /// POST /apikeys {"password": ...}, without an Authorization header: the setup user's first key. A wrong password
    /// counts towards the lockout; a locked account is refused even with the right password. INFERRED: statuses and
    /// the refusal of a second key (the guide only says "create the initial API key").
    /// </summary>
    public static Task CreateSetupKeyAsync(ApiContext c)
    {
        if (!string.IsNullOrEmpty(c.Http.Request.Headers.Authorization))
        {
            // INFERRED strictness: the guide's flow has no key yet; a client that sends one anyway has mixed up its credentials.
            throw new ApiErrorException(400, "Send the setup password without an Authorization header");
        }

        var body = c.ReadJsonObject();
        if (!body.TryGetProperty("password", out var password) || password.ValueKind != JsonValueKind.String)
        {
            throw new ApiErrorException(400, "'password' (the setup user's password) is required");
        }

        var locks = c.Appliance.Locks;
        if (locks.IsLocked(User.SetupUsername))
        {
            throw new ApiErrorException(403, "The setup account is locked after too many failed password attempts; an administrator must unlock it");
        }

        if (!c.Appliance.SetupPassword.Matches(password.GetString()!))
        {
            var locked = locks.RecordFailure(User.SetupUsername);
            throw new ApiErrorException(401, locked
                ? "Invalid password for the setup user; the setup account is now locked"
                : "Invalid password for the setup user");
        }

        locks.Clear(User.SetupUsername);
        var setup = c.Appliance.Users.Find(User.SetupUsername) ?? throw new ApiErrorException(404, "There is no setup user");
        if (c.Appliance.Users.HasKey(setup))
        {
            throw new ApiErrorException(400, "The setup user already has an API key; create other keys on the API Access page");
        }

        var key = c.Appliance.Users.CreateKey(setup, "Initial setup key");
        return c.CreatedAsync(ApiPaths.Root + "/apikeys/" + key.Id.ToString(CultureInfo.InvariantCulture), key);
    }

    private static int KeyId(ApiContext c) =>
        int.TryParse(c.RouteValue("keyid"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new ApiErrorException(400, "keyid must be a number");

    /// <summary>A key the caller may not see is answered like one that does not exist, so ids do not reveal other users' keys.</summary>
    private static ApiKeyRecord Visible(ApiContext c, int id) =>
        c.Appliance.Users.KeyAsSeenBy(id, c.Caller!) ?? throw new ApiErrorException(404, $"API key {id} does not exist");

    private static User OwnerVisibleTo(ApiContext c)
    {
        var owner = UserEndpoints.Existing(c, c.RouteValue("username"));
        return owner.Id == c.Caller!.Id || c.Caller.HasSystemAccess
            ? owner
            : throw new ApiErrorException(403, "You may view only your own API keys");
    }
}
