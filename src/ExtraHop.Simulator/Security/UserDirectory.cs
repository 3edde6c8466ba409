using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Security;

/// <summary>
/// The users and API keys of one appliance. It starts with "setup" (the built-in administrator, no key yet, as on
/// a new appliance), "admin" (system=full, holds the appliance's API key), "auditor" (no system privilege, holds
/// the limited key) and "jsmith" (a remote user). Users can be created, changed and deleted; deleting a user
/// deletes its keys. Thread-safe: every request reads and writes under one lock.
/// </summary>
internal sealed class UserDirectory
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int GeneratedKeyLength = 40;

    private readonly object _lock = new();
    private readonly List<User> _users;
    private readonly List<ApiKeyRecord> _keys;
    private readonly Func<DateTimeOffset> _now;
    private int _nextUserId = 5;
    private int _nextKeyId = 3;

    public UserDirectory(string adminKey, string auditorKey, DateTimeOffset installedAt, Func<DateTimeOffset> now)
    {
        _now = now;
        var created = installedAt.ToUnixTimeMilliseconds();
        var lastLogin = installedAt.AddDays(1).ToUnixTimeMilliseconds();
        var systemFull = new Dictionary<string, string> { ["system"] = "full" };
        var auditorRoles = new Dictionary<string, string> { ["write"] = "personal", ["metrics"] = "restricted", ["ndr"] = "none", ["npm"] = "none" };
        var remoteRoles = new Dictionary<string, string> { ["write"] = "limited", ["metrics"] = "full", ["ndr"] = "full", ["npm"] = "full" };
        Admin = new User(2, "admin", "Administrator", "local", true, systemFull, Privileges.Effective(systemFull), created, lastLogin);
        var auditor = new User(3, "auditor", "Read-only Auditor", "local", true, auditorRoles, auditorRoles, created, lastLogin);
        _users = new List<User>
        {
            new User(1, User.SetupUsername, "Setup", "local", true, systemFull, Privileges.Effective(systemFull), created, null),
            Admin,
            auditor,
            new User(4, "jsmith", "Jane Smith", "remote", true, remoteRoles, remoteRoles, created, null),
        };
        _keys = new List<ApiKeyRecord>
        {
            new ApiKeyRecord(1, adminKey, "Simulator administrator key", created, Admin.Id, Admin.Username),
            new ApiKeyRecord(2, auditorKey, "Simulator auditor key", created, auditor.Id, auditor.Username),
        };
    }

    /// <summary>The user RevealX 360 bearer tokens act as.</summary>
    public User Admin { get; }

    public IReadOnlyList<User> Users
    {
        get
        {
            lock (_lock)
            {
                return _users.ToArray();
            }
        }
    }

    /// <summary>A new random key: 40 letters and digits, like the appliance's.</summary>
    public static string GenerateKey() => RandomNumberGenerator.GetString(KeyAlphabet, GeneratedKeyLength);

    public User? Find(string username)
    {
        lock (_lock)
        {
            return _users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
        }
    }

    public User? FindByKey(string key)
    {
        var offered = Encoding.UTF8.GetBytes(key);
        lock (_lock)
        {
            var owner = _keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(offered, Encoding.UTF8.GetBytes(k.Key)));
            return owner is null ? null : _users.FirstOrDefault(u => u.Id == owner.UserId);
        }
    }

    /// <summary>Adds a user; local and remote users may not share a name, whatever its case (CE-SAML), so any clash is a 409.</summary>
    public User Add(string username, string name, string type, bool enabled, IReadOnlyDictionary<string, string> granted)
    {
        lock (_lock)
        {
            if (_users.Any(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ApiErrorException(409, $"User '{username}' already exists");
            }

            var user = new User(_nextUserId++, username, name, type, enabled, granted, Privileges.Effective(granted), _now().ToUnixTimeMilliseconds(), null);
            _users.Add(user);
            return user;
        }
    }

    public User Update(string username, Func<User, User> change)
    {
        lock (_lock)
        {
            var index = _users.FindIndex(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw NoSuchUser(username);
            }

            _users[index] = change(_users[index]);
            return _users[index];
        }
    }

    /// <summary>Deletes a user and its keys (a session on one of them gets 401 from then on).</summary>
    public void Remove(string username)
    {
        lock (_lock)
        {
            var user = _users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)) ?? throw NoSuchUser(username);
            _users.Remove(user);
            _keys.RemoveAll(k => k.UserId == user.Id);
        }
    }

    public ApiKeyRecord CreateKey(User owner, string description)
    {
        lock (_lock)
        {
            var key = new ApiKeyRecord(_nextKeyId++, GenerateKey(), description, _now().ToUnixTimeMilliseconds(), owner.Id, owner.Username);
            _keys.Add(key);
            return key;
        }
    }

    public bool HasKey(User owner)
    {
        lock (_lock)
        {
            return _keys.Any(k => k.UserId == owner.Id);
        }
    }

    /// <summary>
    /// The keys a caller may see: its own in full; with <c>system: full</c>, also every other key with only its last
    /// four characters (the guide's "view the last four digits and description for any API key").
    /// </summary>
    public IReadOnlyList<ApiKeyRecord> KeysAsSeenBy(User caller)
    {
        lock (_lock)
        {
            return _keys.Where(k => k.UserId == caller.Id || caller.HasSystemAccess).Select(k => AsSeenBy(k, caller)).ToArray();
        }
    }

    /// <summary>One key as the caller may see it, or null when it does not exist or is not the caller's to see.</summary>
    public ApiKeyRecord? KeyAsSeenBy(int id, User caller) => KeysAsSeenBy(caller).FirstOrDefault(k => k.Id == id);

    private static ApiKeyRecord AsSeenBy(ApiKeyRecord key, User caller) => key.UserId == caller.Id ? key : key.Masked();

    private static ApiErrorException NoSuchUser(string username) => new(404, $"User '{username}' does not exist");
}
