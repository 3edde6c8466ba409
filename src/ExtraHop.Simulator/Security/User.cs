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

    /// <summary>
    /// "Perform all GET operations through the REST API", which the guide's privilege table grants to
    /// <c>write: limited</c> and <c>write: personal</c>. <c>write: full</c> may "perform any ExtraHop system
    /// task", so it reads too (INFERRED: the table does not list GETs for it separately). Metrics-only users
    /// may not.
    /// </summary>
    [JsonIgnore]
    public bool MayReadEverything =>
        HasSystemAccess || (EffectiveRoles.TryGetValue("write", out var write) && write is "full" or "limited" or "personal");
}
