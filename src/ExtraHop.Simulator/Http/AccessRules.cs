using ExtraHop.Simulator.Security;

namespace ExtraHop.Simulator.Http;

/// <summary>Whether a caller's privileges let it use an endpoint, by the guide's "Privilege levels" table.</summary>
internal static class AccessRules
{
    /// <summary>Null when the caller may go on; otherwise the message of the 403.</summary>
    public static string? Refusal(Access access, User? caller) => access switch
    {
        Access.SystemAdministrator when caller?.HasSystemAccess != true =>
            "You do not have the privileges required for this operation (system and access administration)",
        Access.Reader when caller?.MayReadEverything != true =>
            "You do not have the privileges required for this operation (GET operations need system administration or a write privilege)",
        _ => null,
    };
}
