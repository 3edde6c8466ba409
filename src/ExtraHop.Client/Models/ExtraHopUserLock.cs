using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>
    /// Whether a user account is locked after failed password attempts (GET /users/{username}/lock, firmware 9.9 and
    /// later). The guide names the operation but not its fields: Locked is read from "locked" (INFERRED); whatever
    /// else the appliance sends is kept in ExtensionData.
    /// </summary>
    public sealed class ExtraHopUserLock : ExtraHopObject
    {
        [NotFromApi]
        public string Username { get; internal set; } = string.Empty;

        public bool? Locked { get; internal set; }

        /// <summary>Failed attempts counted so far, when the appliance reports them.</summary>
        public int? FailedLoginAttempts { get; internal set; }

        public override string ToString() => $"{Username} on {Server}: {(Locked == true ? "locked" : Locked == false ? "not locked" : "unknown")}";
    }
}
