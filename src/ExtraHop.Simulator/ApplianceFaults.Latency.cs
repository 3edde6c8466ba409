using System;

namespace ExtraHop.Simulator;

/// <summary>Network latency: an appliance far away, for measurements that should wait on the network as real fleets do.</summary>
public sealed partial class ApplianceFaults
{
    private TimeSpan _responseDelay;

    /// <summary>
    /// Every request waits this long, in real (not scaled) time, before the appliance handles it, as a round trip
    /// over a wide-area network would. Default zero.
    /// </summary>
    public TimeSpan ResponseDelay
    {
        get => Read(() => _responseDelay);
        set => Write(() => _responseDelay = NotNegative(value));
    }
}
