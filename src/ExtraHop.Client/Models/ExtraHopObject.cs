using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>
    /// What every object read from an appliance has: the appliance it came from, and the session it was read
    /// through (so piping it to another cmdlet reaches the same appliance).
    /// </summary>
    public abstract class ExtraHopObject : ExtensibleModel
    {
        /// <summary>
        /// The session this object was read through. Internal, so that Export-Csv and ConvertTo-Json write the
        /// server name below instead of the whole session with every object; PowerShell sees it as a hidden
        /// Session property (ExtraHop.Types.ps1xml), which is what -Session binds by property name.
        /// </summary>
        internal ExtraHopSession? Session { get; set; }

        /// <summary>The appliance this object came from (the session's server name).</summary>
        [NotFromApi]
        public string? Server => Session?.Server;
    }
}
