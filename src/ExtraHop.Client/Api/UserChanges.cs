using System.Collections.Generic;
using System.Security;
using ExtraHop.Auth;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>What Set-EHUser changes; only the fields given are sent (PATCH), the others stay as they are.</summary>
    internal sealed class UserChanges
    {
        public string? Name { get; set; }
        public SecureString? Password { get; set; }
        public bool? Enabled { get; set; }
        /// <summary>The complete set of granted privileges the user will have (families not named are not granted).</summary>
        public UserPrivileges? Privileges { get; set; }

        public bool IsEmpty => Name == null && Password == null && Enabled == null && Privileges == null;

        /// <summary>
        /// Setting values twice is harmless, so a PATCH without a password may be retried after a transient failure. A
        /// password is never sent twice on the module's own: a second identical change can trip password-history rules.
        /// </summary>
        public bool SafeToRetry => Password == null;

        /// <summary>
        /// For -WhatIf and the confirmation prompt: each change from what the user has now (when the session may read
        /// the account; a user changing only its own password may not), the password only as "changed".
        /// </summary>
        public string Describe(ExtraHopUser? current)
        {
            var parts = new List<string>();
            if (Name != null) parts.Add(current == null ? $"name -> '{Name}'" : $"name '{current.Name}' -> '{Name}'");
            if (Enabled != null) parts.Add(current == null ? $"enabled -> {Text(Enabled)}" : $"enabled {Text(current.Enabled)} -> {Text(Enabled)}");
            if (Privileges != null) parts.Add(current == null ? $"privileges -> '{Privileges}'" : $"privileges '{current.GrantedPrivileges}' -> '{Privileges}'");
            if (Password != null) parts.Add("password changed");
            return string.Join(", ", parts);
        }

        /// <summary>The PATCH body; called for each attempt, so the password is revealed only while the body is made.</summary>
        public Dictionary<string, object> ToWire()
        {
            var body = new Dictionary<string, object>();
            if (Name != null) body["name"] = Name;
            if (Enabled != null) body["enabled"] = Enabled.Value;
            if (Privileges != null) body["granted_roles"] = PrivilegeRules.ToWire(Privileges);
            if (Password != null) body["password"] = SecretText.Reveal(Password);
            return body;
        }

        private static string Text(bool? value) => value == null ? "unknown" : value.Value ? "True" : "False";
    }
}
