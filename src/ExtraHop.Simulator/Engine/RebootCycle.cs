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
internal sealed record RebootCycle(TimeSpan BootAt, TimeSpan UpAt, TimeSpan JobsHiddenUntil)
{
    public static RebootCycle Starting(TimeSpan at, TimeSpan downtime, TimeSpan booting, TimeSpan jobsHidden)
    {
        var bootAt = at + downtime;
        var upAt = bootAt + booting;
        return new RebootCycle(bootAt, upAt, upAt + jobsHidden);
    }
}
