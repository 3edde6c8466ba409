using System;
using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.Simulator.Engine;

/// <summary>The wire statuses of a job. Only the three terminal ones are documented; RUNNING is the simulator's choice.</summary>
internal enum JobStatus
{
    Running,
    Done,
    Failed,
    TimeOut,
}

/// <summary>
/// One job of one appliance. The engine moves it from step to step at the simulated instants its
/// schedule gives; the job itself only remembers where it is. Guarded by the engine's lock.
/// </summary>
internal sealed class Job
{
    public Job(string id, JobSpec spec, JobFaultPlan faults)
    {
        Id = id;
        Spec = spec;
        Faults = faults;
        TargetVersion = spec.TargetVersion;
    }

    public string Id { get; }

    public JobSpec Spec { get; }

    public JobFaultPlan Faults { get; }

    /// <summary>The version installed at the reboot; a URL download fills it in when the image arrives.</summary>
    public string? TargetVersion { get; set; }

    public JobStatus Status { get; private set; } = JobStatus.Running;

    /// <summary>The current step, 1-based; 0 before the first step begins.</summary>
    public int StepNumber { get; private set; }

    public TimeSpan StepStartedAt { get; private set; }

    public string? Details { get; private set; }

    /// <summary>For URL downloads: when the image finished arriving; the download step cannot end before.</summary>
    public TimeSpan? DownloadFinishedAt { get; set; }

    public bool IsRunning => Status == JobStatus.Running;

    /// <summary>Wall-clock time the job started, and ended (null while it runs).</summary>
    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public JobStep CurrentStep => Spec.Steps[StepNumber - 1];

    public bool IsOnLastStep => StepNumber == Spec.Steps.Count;

    public void EnterStep(int number, TimeSpan at)
    {
        StepNumber = number;
        StepStartedAt = at;
    }

    public void End(JobStatus status, string? details)
    {
        Status = status;
        Details = details;
    }

    public JobView View() => new(
        Id,
        Spec.Type,
        StatusText(Status),
        Math.Max(StepNumber, 1),
        Spec.Steps.Count,
        Spec.Steps[Math.Max(StepNumber, 1) - 1].Description,
        Details,
        RemoteJobs(),
        StartedAt.ToUnixTimeMilliseconds(),
        EndedAt?.ToUnixTimeMilliseconds());

    /// <summary>A job that ended before the appliance started, from <see cref="ApplianceOptions.JobHistory"/>.</summary>
    public static Job Past(PastJob past, DateTimeOffset startedAt)
    {
        var status = past.Status.ToUpperInvariant() switch
        {
            "DONE" => JobStatus.Done,
            "FAILED" => JobStatus.Failed,
            "TIMEOUT" => JobStatus.TimeOut,
            _ => throw new ArgumentException($"A past job's status is DONE, FAILED or TIMEOUT, not '{past.Status}'.", nameof(past)),
        };
        var spec = new JobSpec(past.Type, new[] { new JobStep(past.Type, TimeSpan.Zero, StepKind.Work) }, null, null, false);
        var job = new Job(Guid.NewGuid().ToString("D"), spec, JobFaultPlan.None);
        job.EnterStep(1, TimeSpan.Zero);
        job.End(status, past.Details);
        job.EndedAt = startedAt - past.EndedAgo;
        job.StartedAt = job.EndedAt.Value.AddMinutes(-20);
        return job;
    }

    private static string StatusText(JobStatus status) => status switch
    {
        JobStatus.Done => "DONE",
        JobStatus.Failed => "FAILED",
        JobStatus.TimeOut => "TIMEOUT",
        _ => "RUNNING",
    };

    /// <summary>
    /// Each connected appliance's sub-job follows the console's job step for step; one marked to fail ends FAILED
    /// at the last step while the console's own job still ends DONE, as a console that upgraded the others does.
    /// </summary>
    private IReadOnlyList<object> RemoteJobs()
    {
        if (Spec.RemoteSystems is null)
        {
            return JobView.NoRemoteJobs;
        }

        var step = Math.Max(StepNumber, 1);
        return Spec.RemoteSystems.Select(remote =>
        {
            var failed = remote.Fails && (Status == JobStatus.Done || IsOnLastStep);
            var status = failed ? "FAILED" : StatusText(Status);
            var details = failed ? "The appliance did not accept the firmware from ExtraHop Cloud Services" : Status == JobStatus.Running ? null : Details;
            return (object)new RemoteJobView($"{Id}-{remote.SystemId}", remote.SystemId, status, step, Spec.Steps.Count, Spec.Steps[step - 1].Description, details);
        }).ToArray();
    }
}
