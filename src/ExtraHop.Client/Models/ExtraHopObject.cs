using System.Collections.Generic;
using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>
    /// What every object read from an appliance has: the session it came from (so piping it to another
    /// cmdlet reaches the same appliance) and the fields this module does not model yet.
    /// </summary>
    public abstract class ExtraHopObject
    {
        /// <summary>The session this object was read through.</summary>
        [NotFromApi]
        public ExtraHopSession? Session { get; internal set; }

        /// <summary>The appliance this object came from (the session's server name).</summary>
        [NotFromApi]
        public string? Server => Session?.Server;

        /// <summary>Fields the appliance sent that this module has no property for (newer firmware adds them).</summary>
        [NotFromApi]
        public IDictionary<string, object?> ExtensionData { get; internal set; } = new Dictionary<string, object?>();
    }
}
