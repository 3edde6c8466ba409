namespace ExtraHop.Simulator;

/// <summary>How far the counting faults have got, so a test can wait for a fault to be taken instead of guessing a time.</summary>
public sealed partial class ApplianceFaults
{
    /// <summary>How many of the requests <see cref="Hang"/> asked for have not arrived yet.</summary>
    public int HangsLeft => Read(() => _hang?.Remaining ?? 0);
}
