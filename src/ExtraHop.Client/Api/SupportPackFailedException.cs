using System;
using ExtraHop.Models;

namespace ExtraHop
{
    /// <summary>A support pack run ended FAILED or TIMEOUT on the appliance; carries the queue entry with its step and details.</summary>
    public sealed class SupportPackFailedException : Exception
    {
        internal SupportPackFailedException(ExtraHopJob run)
            : base($"Support pack run {run.Id} on {run.Server} ended {run.Status}"
                + (run.StepNumber.HasValue ? $" at step {run.StepNumber} of {run.TotalSteps?.ToString() ?? "?"} ({run.StepDescription})" : string.Empty)
                + (string.IsNullOrEmpty(run.Details) ? "." : ": " + run.Details))
        {
            Run = run;
        }

        /// <summary>The run's last state, as /supportpacks/queue/{id} reported it.</summary>
        public ExtraHopJob Run { get; }
    }
}
