using System;

namespace ExtraHop.Models
{
    /// <summary>
    /// An API key as the appliance lists it (GET /apikeys): its id, owner, description and when it was made. The key
    /// itself is only ever shown masked: asterisks and its last four characters, as the appliance shows other users'
    /// keys. A full key leaves the module only as a SecureString (New-EHApiKey, New-EHUser -CreateApiKey).
    /// </summary>
    public sealed class ExtraHopApiKey : ExtraHopObject
    {
        public long? Id { get; internal set; }
        public string? Username { get; internal set; }
        public long? UserId { get; internal set; }
        public string? Description { get; internal set; }
        public DateTimeOffset? TimeAdded { get; internal set; }

        /// <summary>The key masked: asterisks and its last four characters (or the appliance's own mask).</summary>
        public string? Key { get; internal set; }

        public override string ToString() => $"{Server} API key {Id} of {Username}";
    }
}
