using System.Threading.Tasks;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>Users and API keys (read-only in the simulator).</summary>
internal static class UserEndpoints
{
    public static Task ListUsersAsync(ApiContext c) => c.OkAsync(c.Appliance.Users.Users);

    public static Task GetUserAsync(ApiContext c)
    {
        var username = c.RouteValue("username");
        var user = c.Appliance.Users.Find(username) ?? throw new ApiErrorException(404, $"User '{username}' does not exist");
        return c.OkAsync(user);
    }

    /// <summary>The caller's own keys; a system administrator also gets everyone else's, masked but for the last four digits.</summary>
    public static Task ListApiKeysAsync(ApiContext c) => c.OkAsync(c.Appliance.Users.KeysAsSeenBy(c.Caller!));
}
