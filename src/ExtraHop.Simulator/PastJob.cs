using System;

namespace ExtraHop.Simulator;

/// <summary>A job that ended before the appliance started (see <see cref="ApplianceOptions.JobHistory"/>): what a health check finds in <c>GET /jobs</c>.</summary>
public sealed class PastJob
{
    /// <summary>The job's <c>type</c>.</summary>
    public string Type { get; set; } = "Firmware upgrade";

    /// <summary>DONE, FAILED or TIMEOUT.</summary>
    public string Status { get; set; } = "FAILED";

    /// <summary>The job's <c>details</c>; null for none.</summary>
    public string? Details { get; set; } = "Simulated failure";

    /// <summary>How long before the appliance started the job ended, in real (not scaled) time.</summary>
    public TimeSpan EndedAgo { get; set; } = TimeSpan.FromHours(1);
}
