namespace ExtraHop.Simulator;

/// <summary>A restart that never ends.</summary>
public sealed partial class ApplianceFaults
{
    private bool _rebootNeverReturns;

    /// <summary>
    /// Every reboot from now on (a restart, or an upgrade's) leaves the appliance down for good, as hardware that
    /// fails to boot does: the port stays closed. Read when a reboot starts. Default false.
    /// </summary>
    public bool RebootNeverReturns
    {
        get => Read(() => _rebootNeverReturns);
        set => Write(() => _rebootNeverReturns = value);
    }
}
