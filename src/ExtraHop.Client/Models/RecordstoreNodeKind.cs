namespace ExtraHop.Models
{
    /// <summary>A recordstore node's part in its cluster; managers are upgraded before data nodes.</summary>
    public enum RecordstoreNodeKind
    {
        /// <summary>Neither the appliance nor the user said.</summary>
        Unknown = 0,
        Manager,
        Data,
    }
}
