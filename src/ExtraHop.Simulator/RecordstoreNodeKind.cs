namespace ExtraHop.Simulator;

/// <summary>
/// The part a recordstore plays in its cluster. The documented upgrade order upgrades
/// manager nodes before data nodes, so clients need to tell them apart.
/// </summary>
public enum RecordstoreNodeKind
{
    /// <summary>A manager node.</summary>
    Manager,

    /// <summary>A data node.</summary>
    Data,
}
