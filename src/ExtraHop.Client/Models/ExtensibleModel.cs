using System.Collections.Generic;

namespace ExtraHop.Models
{
    /// <summary>
    /// A model read from the appliance's JSON: the fields this module has no property for yet (newer firmware adds
    /// them) are kept here instead of being lost. Internal, so serialisers that read public properties (ConvertTo-Json)
    /// skip it; PowerShell users reach it by name as a hidden ExtensionData property (ExtraHop.Types.ps1xml).
    /// </summary>
    public abstract class ExtensibleModel
    {
        internal IDictionary<string, object?> ExtensionData { get; set; } = new Dictionary<string, object?>();
    }
}
