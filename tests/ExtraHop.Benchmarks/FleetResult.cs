using System;

namespace ExtraHop.Benchmarks;

/// <summary>What the fleet upgrade measured, and the ideal it is held to.</summary>
internal sealed record FleetResult(
    int Fleet,
    int Throttle,
    double TimeScale,
    double SimulatedUpgradeSeconds,
    double SingleSeconds,
    double FleetSeconds,
    int MaxConcurrentBusy)
{
    public int Waves => (Fleet + Throttle - 1) / Throttle;

    public double IdealSeconds => Waves * SingleSeconds;

    public double Ratio => FleetSeconds / IdealSeconds;
}
