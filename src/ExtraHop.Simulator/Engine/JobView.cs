using System;
using System.Collections.Generic;

namespace ExtraHop.Simulator.Engine;

/// <summary>
/// A job as <c>GET /jobs/{id}</c> returns it (field names become snake_case on the wire). No source documents a
/// time on a job; <c>start_time</c> and <c>end_time</c> (milliseconds since the epoch, null while running) are the
/// simulator's INFERRED choice, so clients can tell recent failures from old ones, and clients that do not know
/// them ignore them.
/// </summary>
internal sealed record JobView(
    string Id,
    string Type,
    string Status,
    int StepNumber,
    int TotalSteps,
    string StepDescription,
    string? Details,
    IReadOnlyList<object> RemoteJobs,
    long StartTime,
    long? EndTime)
{
    // Remote sub-jobs exist only when a console upgrades connected appliances (POST /appliances/firmware/upgrade).
    public static readonly IReadOnlyList<object> NoRemoteJobs = Array.Empty<object>();
}

/// <summary>One appliance's part of a console's remote upgrade, as <c>remote_jobs</c> lists it.</summary>
internal sealed record RemoteJobView(string JobId, long SystemId, string Status, int StepNumber, int TotalSteps, string StepDescription, string? Details);
