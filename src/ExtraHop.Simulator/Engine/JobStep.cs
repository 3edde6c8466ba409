using System;

namespace ExtraHop.Simulator.Engine;

/// <summary>What a job step does besides taking time.</summary>
internal enum StepKind
{
    /// <summary>Only takes its duration.</summary>
    Work,

    /// <summary>Brings a firmware image onto the appliance; at its end the image is the one an upgrade installs.</summary>
    Download,

    /// <summary>Reboots the appliance; lasts as long as the reboot (downtime plus booting).</summary>
    Reboot,
}

/// <summary>One step of a job, as <c>step_description</c> shows it.</summary>
/// <param name="Description">The text clients print ("Step 2 of 5: Installing firmware").</param>
/// <param name="Duration">Simulated duration; for a reboot step the reboot's own timings decide instead.</param>
/// <param name="Kind">What the step does.</param>
internal sealed record JobStep(string Description, TimeSpan Duration, StepKind Kind);
