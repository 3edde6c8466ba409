using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ExtraHop.Simulator.Security;

/// <summary>
/// The users of one appliance: "setup" (the built-in administrator, no key), "admin" (system=full, has the
/// appliance's API key), "auditor" (no system privilege, has the limited key) and "jsmith" (a remote user).
/// Enough variety for privilege tests and for listing users; users cannot be added.
/// </summary>
internal sealed class UserDirectory
{
    private static readonly IReadOnlyDictionary<string, string> EverythingFull = new Dictionary<string, string>
    {
        ["system"] = "full",
        ["write"] = "full",
        ["metrics"] = "full",
        ["ndr"] = "full",
        ["npm"] = "full",
        ["packets"] = "full",
    };

    private readonly IReadOnlyList<User> _users;
    private readonly IReadOnlyList<ApiKeyRecord> _keys;

    public UserDirectory(string adminKey, string auditorKey, DateTimeOffset installedAt)
    {
        var created = installedAt.ToUnixTimeMilliseconds();
        var lastLogin = installedAt.AddDays(1).ToUnixTimeMilliseconds();
        var systemFull = new Dictionary<string, string> { ["system"] = "full" };
        var auditorRoles = new Dictionary<string, string> { ["write"] = "personal", ["metrics"] = "restricted", ["ndr"] = "none", ["npm"] = "none" };
        var remoteRoles = new Dictionary<string, string> { ["write"] = "limited", ["metrics"] = "full", ["ndr"] = "full", ["npm"] = "full" };
        Admin = new User(2, "admin", "Administrator", "local", true, systemFull, EverythingFull, created, lastLogin);
        var auditor = new User(3, "auditor", "Read-only Auditor", "local", true, auditorRoles, auditorRoles, created, lastLogin);
        _users = new[]
        {
            new User(1, "setup", "Setup", "local", true, systemFull, EverythingFull, created, null),
            Admin,
            auditor,
            new User(4, "jsmith", "Jane Smith", "remote", true, remoteRoles, remoteRoles, created, null),
        };
        _keys = new[]
        {
            new ApiKeyRecord(1, adminKey, "Simulator administrator key", created, Admin.Id, Admin.Username),
            new ApiKeyRecord(2, auditorKey, "Simulator auditor key", created, auditor.Id, auditor.Username),
        };
    }

    /// <summary>The user RevealX 360 bearer tokens act as.</summary>
    public User Admin { get; }

    public IReadOnlyList<User> Users => _users;

    public User? Find(string username) =>
        _users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));

    public User? FindByKey(string key)
    {
        var offered = Encoding.UTF8.GetBytes(key);
        var owner = _keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(offered, Encoding.UTF8.GetBytes(k.Key)));
        return owner is null ? null : _users.First(u => u.Id == owner.UserId);
    }

    /// <summary>
    /// The keys a caller may view: every user views their own (in clear here; INFERRED, the guide only says
    /// they may view it), and a system administrator also views everyone else's description and last four digits.
    /// </summary>
    public IReadOnlyList<ApiKeyRecord> KeysAsSeenBy(User caller) =>
        _keys.Where(k => k.UserId == caller.Id || caller.HasSystemAccess)
            .Select(k => k.UserId == caller.Id ? k : k.LastFourOnly())
            .ToArray();
}
