using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ExtraHop.Simulator.Security;

/// <summary>A user of one appliance, shaped as <c>GET /users</c> returns it (snake_case on the wire).</summary>
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
    /// <summary>System and access administration: what firmware, jobs, users and cluster endpoints need.</summary>
    [JsonIgnore]
    public bool HasSystemAccess => EffectiveRoles.TryGetValue("system", out var level) && level == "full";
}
