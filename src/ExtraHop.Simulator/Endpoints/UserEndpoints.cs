using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Security;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// Users: list, read, create, change and delete, with the guide's rules: only <c>system: full</c> administers
/// accounts; any user may change its own password; the setup user and the caller's own account cannot be deleted.
/// </summary>
internal static partial class UserEndpoints
{
    private static readonly string[] CreateFields = { "username", "name", "password", "type", "enabled", "granted_roles", "create_apikey", "eh_account_team" };
    private static readonly string[] UpdateFields = { "enabled", "granted_roles", "name", "password" };

    public static Task ListUsersAsync(ApiContext c) => c.OkAsync(c.Appliance.Users.Users);

    public static Task GetUserAsync(ApiContext c) => c.OkAsync(Existing(c, c.RouteValue("username")));

    /// <summary>POST /users: 201 with the user's relative Location; with create_apikey, the body is the new key in full.</summary>
    public static Task CreateUserAsync(ApiContext c)
    {
        var body = c.ReadJsonObject();
        RefuseUnknownFields(body, CreateFields);
        var username = RequiredText(body, "username");
        if (!UsernameShape().IsMatch(username))
        {
            throw new ApiErrorException(400, $"Invalid username '{username}': use 1 to 64 letters, digits and . _ - @ characters");
        }

        var name = RequiredText(body, "name");
        var type = OptionalText(body, "type") ?? "local";
        if (type is not ("local" or "remote"))
        {
            throw new ApiErrorException(400, $"Invalid type '{type}': local or remote");
        }

        var password = OptionalText(body, "password");
        if (type == "local" && string.IsNullOrEmpty(password))
        {
            throw new ApiErrorException(400, "A local user needs a password");
        }

        if (type == "remote" && password is not null)
        {
            throw new ApiErrorException(400, "A remote user has no local password");
        }

        var granted = body.TryGetProperty("granted_roles", out var roles) ? Privileges.ReadGranted(roles) : new Dictionary<string, string>();
        var user = c.Appliance.Users.Add(username, name, type, OptionalBool(body, "enabled") ?? true, granted);
        var location = ApiPaths.Root + "/users/" + Uri.EscapeDataString(user.Username);
        return OptionalBool(body, "create_apikey") == true
            ? c.CreatedAsync(location, c.Appliance.Users.CreateKey(user, "Created with the user"))
            : c.CreatedAsync(location);
    }

    /// <summary>PATCH /users/{username}: only the fields sent change. Without system: full, a user may change only its own password.</summary>
    public static Task UpdateUserAsync(ApiContext c)
    {
        var username = c.RouteValue("username");
        var body = c.ReadJsonObject();
        RefuseUnknownFields(body, UpdateFields);
        var ownPasswordOnly = string.Equals(username, c.Caller!.Username, StringComparison.OrdinalIgnoreCase)
            && body.EnumerateObject().All(field => field.Name == "password");
        if (!c.Caller.HasSystemAccess && !ownPasswordOnly)
        {
            throw new ApiErrorException(403, "You do not have the privileges required for this operation (system and access administration); users may change only their own password");
        }

        var user = Existing(c, username);
        if (body.TryGetProperty("password", out var password) && (password.ValueKind != JsonValueKind.String || password.GetString()!.Length == 0))
        {
            throw new ApiErrorException(400, "password must be a non-empty string");
        }

        if (body.TryGetProperty("password", out _) && user.Type == "remote")
        {
            throw new ApiErrorException(400, $"'{user.Username}' is a remote user and has no local password");
        }

        var name = OptionalText(body, "name");
        var enabled = OptionalBool(body, "enabled");
        var granted = body.TryGetProperty("granted_roles", out var roles) ? Privileges.ReadGranted(roles) : null;
        c.Appliance.Users.Update(username, current =>
        {
            var changed = current with { Name = name ?? current.Name, Enabled = enabled ?? current.Enabled };
            return granted is null ? changed : changed.WithGranted(granted);
        });
        return c.NoContentAsync();
    }

    /// <summary>DELETE /users/{username}[?dest_user=...]: the objects the user owns go to dest_user.</summary>
    public static Task DeleteUserAsync(ApiContext c)
    {
        var user = Existing(c, c.RouteValue("username"));
        if (string.Equals(user.Username, User.SetupUsername, StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiErrorException(400, "The setup user cannot be deleted");
        }

        if (user.Id == c.Caller!.Id)
        {
            throw new ApiErrorException(400, "You cannot delete your own account");
        }

        if (c.Query("dest_user") is { } destination)
        {
            if (string.Equals(destination, user.Username, StringComparison.OrdinalIgnoreCase))
            {
                throw new ApiErrorException(400, "dest_user must be another user than the one deleted");
            }

            if (c.Appliance.Users.Find(destination) is null)
            {
                throw new ApiErrorException(400, $"dest_user '{destination}' does not exist");
            }
        }

        c.Appliance.Users.Remove(user.Username);
        return c.NoContentAsync();
    }

    internal static User Existing(ApiContext c, string username) =>
        c.Appliance.Users.Find(username) ?? throw new ApiErrorException(404, $"User '{username}' does not exist");

    private static void RefuseUnknownFields(JsonElement body, string[] known)
    {
        var unknown = body.EnumerateObject().Select(f => f.Name).Where(n => !known.Contains(n, StringComparer.Ordinal)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ApiErrorException(400, $"Unknown field(s): {string.Join(", ", unknown)}");
        }
    }

    private static string RequiredText(JsonElement body, string field) =>
        OptionalText(body, field) is { Length: > 0 } text ? text : throw new ApiErrorException(400, $"'{field}' is required");

    private static string? OptionalText(JsonElement body, string field) =>
        !body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ApiErrorException(400, $"'{field}' must be a string");

    private static bool? OptionalBool(JsonElement body, string field) =>
        !body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new ApiErrorException(400, $"'{field}' must be true or false");

    /// <summary>INFERRED: the guide gives no rule; remote (SAML) names are often e-mail addresses, so @ is allowed.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernameShape();
}
