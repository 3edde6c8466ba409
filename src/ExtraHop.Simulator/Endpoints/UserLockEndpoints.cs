using System.Threading.Tasks;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// GET and DELETE /users/{username}/lock: whether an account is locked after failed passwords, and unlocking it.
/// The 9.9 guide lists them and the 9.0 guide does not, so older firmware answers 404 as for any unknown path.
/// </summary>
internal static class UserLockEndpoints
{
    /// <summary>The first firmware whose guide lists the lock operations (releases between 9.0 and 9.9 are UNKNOWN).</summary>
    public const string FirstVersion = "9.9";

    public static Task GetAsync(ApiContext c)
    {
        RequireFirmware(c);
        var user = UserEndpoints.Existing(c, c.RouteValue("username"));
        return c.OkAsync(new LockStatus(c.Appliance.Locks.IsLocked(user.Username), c.Appliance.Locks.FailedAttempts(user.Username)));
    }

    public static Task UnlockAsync(ApiContext c)
    {
        RequireFirmware(c);
        var user = UserEndpoints.Existing(c, c.RouteValue("username"));
        c.Appliance.Locks.Clear(user.Username);
        return c.NoContentAsync();
    }

    private static void RequireFirmware(ApiContext c)
    {
        if (FirmwareVersion.Compare(c.Engine.Facts().CurrentVersion, FirstVersion) < 0)
        {
            throw new ApiErrorException(404, $"The requested resource was not found: {c.Http.Request.Path}");
        }
    }

    /// <summary>INFERRED fields: the guide names the operation, not its body.</summary>
    private sealed record LockStatus(bool Locked, int FailedLoginAttempts);
}
