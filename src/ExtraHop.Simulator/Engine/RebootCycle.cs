using System;

namespace ExtraHop.Simulator.Engine;

/// <summary>Where an appliance is in a reboot.</summary>
internal enum RebootPhase
{
    /// <summary>The port refuses connections.</summary>
    Down,

    /// <summary>The port answers every request with 503 and an HTML page.</summary>
    Booting,

    /// <summary>The API is served normally.</summary>
    Up,
}

/// <summary>
/// The simulated instants of one reboot that starts (the port closes) at a given instant, fixed then (from the appliance's faults at that moment)
/// so that the phases follow deterministically from simulated time.
/// </summary>
/// <param name="BootAt">The port reopens, answering 503; the new firmware is running from here.</param>
/// <param name="UpAt">The API answers normally again.</param>
/// <param name="JobsHiddenUntil">Until this instant <c>GET /jobs/{id}</c> answers 404, as some firmware does right after boot.</param>
/// <param name="BootingAnswersNeeded">The 503 answers the booting phase must give before it may end (a test fault; usually 0).</param>
/// <param name="JobNotFoundAnswersNeeded">The 404 answers to <c>GET /jobs/{id}</c> after boot before jobs show again (a test fault; usually 0).</param>
internal sealed record RebootCycle(TimeSpan BootAt, TimeSpan UpAt, TimeSpan JobsHiddenUntil, int BootingAnswersNeeded, int JobNotFoundAnswersNeeded)
{
    /// <summary>True for a shutdown, or a reboot that never comes back (a fault): the appliance stays down, and the instants above never come.</summary>
    public bool Endless { get; init; }

    public static RebootCycle Starting(TimeSpan at, TimeSpan downtime, TimeSpan booting, TimeSpan jobsHidden, int bootingAnswersNeeded, int jobNotFoundAnswersNeeded)
    {
        var bootAt = at + downtime;
        var upAt = bootAt + booting;
        return new RebootCycle(bootAt, upAt, upAt + jobsHidden, bootingAnswersNeeded, jobNotFoundAnswersNeeded);
    }

    /// <summary>The same cycle, moved later as a whole when the port closed only at <paramref name="closedAt"/>: the downtime and what follows keep their lengths.</summary>
    public RebootCycle BootNoEarlierThan(TimeSpan closedAt)
    {
        var late = closedAt - BootAt;
        return late <= TimeSpan.Zero ? this : this with { BootAt = closedAt, UpAt = UpAt + late, JobsHiddenUntil = JobsHiddenUntil + late };
    }

    /// <summary>The same cycle with the end of booting moved to <paramref name="upAt"/>; jobs stay hidden as long after it.</summary>
    public RebootCycle UpLater(TimeSpan upAt) => upAt <= UpAt ? this : this with { UpAt = upAt, JobsHiddenUntil = upAt + (JobsHiddenUntil - UpAt) };
}
