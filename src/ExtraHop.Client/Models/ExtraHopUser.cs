using System;
using System.Security;
using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>A user account on an appliance (GET /users).</summary>
    public sealed class ExtraHopUser : ExtraHopObject
    {
        public long? Id { get; internal set; }
        public string Username { get; internal set; } = string.Empty;
        public string? Name { get; internal set; }
        /// <summary>local or remote (SAML and other remote users are "remote").</summary>
        public string? Type { get; internal set; }
        public bool? Enabled { get; internal set; }
        /// <summary>The privileges granted to the user directly.</summary>
        [ApiName("granted_roles")]
        public UserPrivileges GrantedPrivileges { get; internal set; } = new UserPrivileges();
        /// <summary>The privileges the user actually has, including those inherited from groups.</summary>
        [ApiName("effective_roles")]
        public UserPrivileges EffectivePrivileges { get; internal set; } = new UserPrivileges();
        public DateTimeOffset? CreationDate { get; internal set; }
        public DateTimeOffset? LastLoginTime { get; internal set; }

        /// <summary>The API key New-EHUser -CreateApiKey made for the user: shown by the appliance once, kept only as a SecureString.</summary>
        [NotFromApi]
        public SecureString? NewApiKey { get; internal set; }

        public override string ToString() => Username;
    }
}
