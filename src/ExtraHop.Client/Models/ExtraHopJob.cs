using System;
using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>
    /// A long operation on an appliance (GET /jobs/{id}): firmware download and upgrade, rollback, restarts.
    /// Statuses DONE, FAILED and TIMEOUT are final; anything else (RUNNING on current firmware) is still going.
    /// </summary>
    public sealed class ExtraHopJob : ExtraHopObject
    {
        public string Id { get; internal set; } = string.Empty;
        public string? Type { get; internal set; }
        public string? Status { get; internal set; }
        public int? StepNumber { get; internal set; }
        public int? TotalSteps { get; internal set; }
        public string? StepDescription { get; internal set; }
        /// <summary>Why the job failed (FAILED, TIMEOUT), when the appliance says.</summary>
        public string? Details { get; internal set; }
        /// <summary>Sub-jobs on connected appliances, when a console upgrades them.</summary>
        public RemoteJob[] RemoteJobs { get; internal set; } = Array.Empty<RemoteJob>();

        /// <summary>Where the job is polled (the Location the appliance gave, or /api/v1/jobs/{id}).</summary>
        [NotFromApi]
        public string Location { get; internal set; } = string.Empty;

        [NotFromApi]
        public bool IsFinished => IsTerminalStatus(Status);

        [NotFromApi]
        public bool Succeeded => string.Equals(Status, "DONE", StringComparison.OrdinalIgnoreCase);

        /// <summary>"Step 2 of 5: Installing firmware", or the status when the job reports no steps.</summary>
        [NotFromApi]
        public string Progress =>
            StepNumber.HasValue && StepNumber > 0
                ? $"Step {StepNumber} of {TotalSteps?.ToString() ?? "?"}: {StepDescription}"
                : Status ?? "unknown";

        internal static bool IsTerminalStatus(string? status) =>
            string.Equals(status, "DONE", StringComparison.OrdinalIgnoreCase)
            || string.Equals(status, "FAILED", StringComparison.OrdinalIgnoreCase)
            || string.Equals(status, "TIMEOUT", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => $"{Server} job {Id}: {Status} ({Progress})";
    }

    /// <summary>A sub-job on a connected appliance.</summary>
    public sealed class RemoteJob : ExtraHopObject
    {
        public string? JobId { get; internal set; }
        public long? SystemId { get; internal set; }
        public string? Status { get; internal set; }
        public int? StepNumber { get; internal set; }
        public int? TotalSteps { get; internal set; }
        public string? StepDescription { get; internal set; }
        public string? Details { get; internal set; }
    }
}
