using System.Collections.Generic;
using System.Management.Automation;
using ExtraHop.Models;

namespace ExtraHop.TypeData
{
    /// <summary>
    /// Getters of the hidden properties that ExtraHop.Types.ps1xml adds. The values they read are internal in the
    /// models, so ConvertTo-Json's reflection never walks a whole session per object; being hidden, the properties
    /// are also left out of Export-Csv, Select-Object * and Format-List *, yet a script reaches them by name and
    /// -Session binds to Session by property name when objects are piped.
    /// </summary>
    public static class HiddenProperties
    {
        /// <summary>The session an object was read through; a session is its own.</summary>
        public static ExtraHopSession? Session(PSObject instance)
        {
            switch (instance?.BaseObject)
            {
                case ExtraHopObject read: return read.Session;
                case ExtraHopSession session: return session;
                default: return null;
            }
        }

        /// <summary>The fields the appliance sent that the model has no property for.</summary>
        public static IDictionary<string, object?>? ExtensionData(PSObject instance) => (instance?.BaseObject as ExtensibleModel)?.ExtensionData;
    }
}
