namespace ExtraHop.Benchmarks;

/// <summary>What the fleet health report measured, and the ideal it is held to (the goal: ratio at most 1.2).</summary>
internal sealed record HealthResult(
    int Fleet,
    int Throttle,
    int LatencyMilliseconds,
    int SinglesMeasured,
    double SlowestSingleSeconds,
    double MedianSingleSeconds,
    double FleetSeconds,
    int Reports,
    int NotOk)
{
    public int Waves => (Fleet + Throttle - 1) / Throttle;

    public double IdealSeconds => Waves * SlowestSingleSeconds;

    public double Ratio => FleetSeconds / IdealSeconds;
}
