using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ExtraHop.Simulator.Security;

/// <summary>A user of one appliance, shaped as <c>GET /users</c> returns it (snake_case on the wire). It never holds a password.</summary>
internal sealed record User(
    int Id,
    string Username,
    string Name,
    string Type,
    bool Enabled,
    IReadOnlyDictionary<string, string> GrantedRoles,
    IReadOnlyDictionary<string, string> EffectiveRoles,
    long CreationDate,
    long? LastLoginTime)
{
    /// <summary>The user name every appliance is installed with; it cannot be deleted.</summary>
    public const string SetupUsername = "setup";

    /// <summary>System and access administration: what firmware, jobs, users and cluster endpoints need.</summary>
    [JsonIgnore]
    public bool HasSystemAccess => EffectiveRoles.TryGetValue("system", out var level) && level == "full";

    /// <summary>The same user with new granted privileges, and the effective ones that follow from them.</summary>
    public User WithGranted(IReadOnlyDictionary<string, string> granted) =>
        this with { GrantedRoles = granted, EffectiveRoles = Privileges.Effective(granted) };
}
