using System;
using System.Collections.Generic;

namespace ExtraHop.Simulator.Security;

/// <summary>
/// Failed password attempts per user, and the lock they lead to. After <see cref="MaxFailedAttempts"/> wrong
/// passwords in a row the account is locked: even the right password is refused until an administrator unlocks it
/// (<c>DELETE /users/{username}/lock</c>) or the simulator restarts. The count is INFERRED (the guides name the
/// lock operations, not the policy); five is a common appliance default.
/// </summary>
internal sealed class AccountLocks
{
    public const int MaxFailedAttempts = 5;

    private readonly object _lock = new();
    private readonly Dictionary<string, int> _failures = new(StringComparer.OrdinalIgnoreCase);

    public bool IsLocked(string username)
    {
        lock (_lock)
        {
            return _failures.TryGetValue(username, out var count) && count >= MaxFailedAttempts;
        }
    }

    public int FailedAttempts(string username)
    {
        lock (_lock)
        {
            return _failures.TryGetValue(username, out var count) ? count : 0;
        }
    }

    /// <summary>Counts a wrong password; true when this attempt locked the account.</summary>
    public bool RecordFailure(string username)
    {
        lock (_lock)
        {
            var count = (_failures.TryGetValue(username, out var before) ? before : 0) + 1;
            _failures[username] = count;
            return count == MaxFailedAttempts;
        }
    }

    /// <summary>A right password, or an administrator's unlock: the count starts again.</summary>
    public void Clear(string username)
    {
        lock (_lock)
        {
            _failures.Remove(username);
        }
    }
}
