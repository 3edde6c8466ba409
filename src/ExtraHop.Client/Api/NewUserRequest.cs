using System.Collections.Generic;
using System.Security;
using ExtraHop.Auth;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>What New-EHUser asks for. The password stays a SecureString until the request body is built.</summary>
    internal sealed class NewUserRequest
    {
        public NewUserRequest(string username, string name)
        {
            Username = username;
            Name = name;
        }

        public string Username { get; }
        public string Name { get; }
        /// <summary>The local password; null for a remote (SAML, LDAP...) user, who signs in elsewhere.</summary>
        public SecureString? Password { get; set; }
        public bool Enabled { get; set; } = true;
        public UserPrivileges Privileges { get; set; } = new UserPrivileges();
        public bool CreateApiKey { get; set; }

        public string Type => Password == null ? "remote" : "local";

        /// <summary>For -WhatIf and the confirmation prompt: everything but the password.</summary>
        public string Describe()
        {
            string privileges = Privileges.ToString();
            return $"{Type} user '{Username}' ({Name}), {(Enabled ? "enabled" : "disabled")}, privileges: {(privileges.Length == 0 ? "none" : privileges)}"
                + (CreateApiKey ? ", with a new API key" : string.Empty);
        }

        /// <summary>The POST /users body; called for each attempt, so the password is revealed only while the body is made.</summary>
        public Dictionary<string, object> ToWire()
        {
            var body = new Dictionary<string, object>
            {
                ["username"] = Username,
                ["name"] = Name,
                ["type"] = Type,
                ["enabled"] = Enabled,
                ["granted_roles"] = PrivilegeRules.ToWire(Privileges),
            };
            if (Password != null) body["password"] = SecretText.Reveal(Password);
            if (CreateApiKey) body["create_apikey"] = true;
            return body;
        }
    }
}
