namespace ExtraHop.Simulator.Engine;

/// <summary>The failure injected into one job (taken from the appliance's faults when the job is created).</summary>
/// <param name="FailAtStep">The job ends FAILED when it reaches this step (1-based), or never when null.</param>
/// <param name="FailDetails">The <c>details</c> of that failure.</param>
/// <param name="TimeOutAtStep">The job ends TIMEOUT when it reaches this step, or never when null.</param>
internal sealed record JobFaultPlan(int? FailAtStep, string FailDetails, int? TimeOutAtStep)
{
    public static readonly JobFaultPlan None = new(null, string.Empty, null);
}
