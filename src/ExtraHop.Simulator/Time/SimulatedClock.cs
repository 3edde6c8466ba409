using System;
using System.Diagnostics;

namespace ExtraHop.Simulator.Time;

/// <summary>
/// Simulated time of one host: real elapsed time multiplied by the time scale.
/// Every timed behaviour (job steps, reboot phases) is scheduled on this clock, so a run's
/// outcome depends only on when requests arrive, never on timer jitter.
/// </summary>
internal sealed class SimulatedClock
{
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

    public SimulatedClock(double timeScale)
    {
        if (!(timeScale > 0) || double.IsInfinity(timeScale))
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "The time scale must be a positive number.");
        }

        TimeScale = timeScale;
    }

    public double TimeScale { get; }

    /// <summary>Simulated time since the host started.</summary>
    public TimeSpan Now => ToSimulated(_stopwatch.Elapsed);

    /// <summary>The wall-clock moment a simulated instant corresponds to (for logs and events).</summary>
    public DateTimeOffset ToWallClock(TimeSpan simulated) => _startedAt + ToReal(simulated);

    /// <summary>The current wall-clock time on the same base as <see cref="ToWallClock"/>.</summary>
    public DateTimeOffset WallNow => _startedAt + _stopwatch.Elapsed;

    public TimeSpan ToReal(TimeSpan simulated) => TimeSpan.FromTicks((long)(simulated.Ticks / TimeScale));

    private TimeSpan ToSimulated(TimeSpan real) => TimeSpan.FromTicks((long)Math.Min(real.Ticks * TimeScale, TimeSpan.MaxValue.Ticks));

    /// <summary>How long to wait in real time until a simulated instant; zero when it has passed.</summary>
    public TimeSpan RealDelayUntil(TimeSpan simulated)
    {
        var remaining = simulated - Now;
        return remaining <= TimeSpan.Zero ? TimeSpan.Zero : ToReal(remaining);
    }
}
