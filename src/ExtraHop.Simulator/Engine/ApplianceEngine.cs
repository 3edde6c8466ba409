using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Hosting;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Engine;

/// <summary>
/// The state machine of one appliance: its firmware, its jobs and its reboots.
/// Everything timed is scheduled in simulated time and applied lazily: every read first advances the
/// state to "now", applying due transitions in order at the instants their schedule gave them. So what a
/// client sees depends only on simulated time (and, with the MinimumBootingAnswers fault, on how many
/// requests met the booting page), and the driver that opens and closes the port merely follows the state. One lock guards it all; nothing slow happens under it.
/// </summary>
internal sealed class ApplianceEngine
{
    private readonly object _lock = new();
    private readonly HostContext _host;
    private readonly Dictionary<string, Job> _jobsById = new(StringComparer.Ordinal);
    private readonly List<Job> _jobs = new();

    private string _currentVersion;
    private string? _previousVersion;
    private DateTimeOffset? _backupTime;
    private string? _uploadedVersion;
    private long _lastUploadBytes;
    private string? _lastUploadSha256;

    private Job? _activeJob;
    private RebootCycle? _reboot;
    private RebootPhase _phase = RebootPhase.Up;
    private bool _portClosed;
    private int _bootingAnswers;
    private int _jobNotFoundAnswers;
    private bool _shutDown;

    public ApplianceEngine(ApplianceOptions options, HostContext host)
    {
        _host = host;
        Name = options.Name;
        Role = options.Role;
        _currentVersion = options.Version;
        _previousVersion = options.PreviousVersion;
        _backupTime = options.PreviousVersion is null ? null : host.Clock.WallNow.AddDays(-30);
        if (Role == ApplianceRole.Recordstore)
        {
            Cluster = options.ClusterName ?? options.Name;
            host.Clusters.Register(Cluster, options.IngestEnabled);
        }

        foreach (var past in options.JobHistory)
        {
            var job = Job.Past(past, host.Clock.WallNow);
            _jobsById.Add(job.Id, job);
            _jobs.Add(job);
        }
    }

    public string Name { get; }

    public ApplianceRole Role { get; }

    /// <summary>The recordstore cluster whose ingest this appliance shares; null for other roles.</summary>
    public string? Cluster { get; }

    public ApplianceFaults Faults { get; } = new();

    /// <summary>Tells the driver the schedule changed.</summary>
    public WakeSignal Wake { get; } = new();

    public HostContext Host => _host;

    public bool IngestEnabled => Cluster is not null && _host.Clusters.IsIngestEnabled(Cluster);

    public FirmwareFacts Facts()
    {
        lock (_lock)
        {
            AdvanceToNow();
            return FactsUnlocked();
        }
    }

    /// <summary>For the driver: whether the port should be open, and when the next transition is due.</summary>
    public (bool Listening, TimeSpan? NextTransition) Tick()
    {
        lock (_lock)
        {
            AdvanceToNow();
            return (_phase != RebootPhase.Down, NextTransition()?.At);
        }
    }

    /// <summary>
    /// The driver closed the port for the reboot under way. A reboot stays Down until then, however late the
    /// driver wakes on a loaded machine: otherwise the whole downtime could pass with the port open, and
    /// connections (and a certificate meant to be replaced) would outlive the reboot. Returns whether this
    /// changed anything.
    /// </summary>
    public bool PortClosed()
    {
        lock (_lock)
        {
            if (_phase != RebootPhase.Down || _portClosed || _reboot is null)
            {
                return false;
            }

            _portClosed = true;
            _reboot = _reboot.BootNoEarlierThan(_host.Clock.Now);
            return true;
        }
    }

    /// <summary>
    /// Creates a job unless the appliance is busy with another. <paramref name="plan"/> runs under the lock
    /// on fresh facts and either describes the job or refuses it by throwing <see cref="ApiErrorException"/>,
    /// so checking the preconditions and starting the job are one step.
    /// </summary>
    public Job StartJob(Func<FirmwareFacts, JobSpec> plan)
    {
        Job job;
        lock (_lock)
        {
            var now = AdvanceToNow();
            if (_activeJob is not null)
            {
                throw new ApiErrorException(400, $"Another job is in progress on this appliance (job {_activeJob.Id}: {_activeJob.Spec.Type})");
            }

            var spec = plan(FactsUnlocked());
            job = new Job(Guid.NewGuid().ToString("D"), spec, Faults.TakeJobFaults()) { StartedAt = _host.Clock.ToWallClock(now) };
            _jobsById.Add(job.Id, job);
            _jobs.Add(job);
            _activeJob = job;
            _host.Busy.Enter(Name);
            Record(SimulatorEventKind.JobStarted, $"job={job.Id} target={job.TargetVersion ?? "unknown"} type={spec.Type}", now);
            EnterStep(job, 1, now);
        }

        Wake.Set();
        return job;
    }

    /// <summary>
    /// Restarts the appliance, without a job: the guide names only the firmware upgrade and the TLS certificate
    /// as operations that create jobs. Refused while a job runs, which the restart would cut short.
    /// </summary>
    public void Restart()
    {
        lock (_lock)
        {
            var now = AdvanceToNow();
            if (_activeJob is not null)
            {
                throw new ApiErrorException(400, $"A job is in progress on this appliance (job {_activeJob.Id}: {_activeJob.Spec.Type}); restart it once the job has ended");
            }

            StartReboot(now, "restart requested");
        }

        Wake.Set();
    }

    /// <summary>Shuts the appliance down, without a job: it goes down like a reboot and never comes back. Refused while a job runs.</summary>
    public void Shutdown()
    {
        lock (_lock)
        {
            var now = AdvanceToNow();
            if (_activeJob is not null)
            {
                throw new ApiErrorException(400, $"A job is in progress on this appliance (job {_activeJob.Id}: {_activeJob.Spec.Type}); shut it down once the job has ended");
            }

            _shutDown = true;
            Record(SimulatorEventKind.ShutDown, "shutdown requested", now);
            StartReboot(now, "shutdown requested");
        }

        Wake.Set();
    }

    /// <summary>True once the appliance was shut down.</summary>
    public bool IsShutDown
    {
        get
        {
            lock (_lock)
            {
                return _shutDown;
            }
        }
    }

    /// <summary>Counts a request answered with the booting page; the last one a booting phase waits for lets it end.</summary>
    public void CountBootingAnswer()
    {
        lock (_lock)
        {
            var now = AdvanceToNow();
            if (_phase != RebootPhase.Booting || _reboot is null)
            {
                return;
            }

            _bootingAnswers++;
            if (_bootingAnswers == _reboot.BootingAnswersNeeded)
            {
                // Booting may have outlasted its scheduled end while it waited: it ends now, not in the past.
                _reboot = _reboot.UpLater(now);
            }
        }

        Wake.Set();
    }

    /// <summary>A job's status, or null when there is no such job or jobs are hidden right after a boot.</summary>
    public JobView? FindJob(string id)
    {
        lock (_lock)
        {
            var now = AdvanceToNow();
            if (_reboot is not null && now >= _reboot.UpAt
                && (now < _reboot.JobsHiddenUntil || _jobNotFoundAnswers < _reboot.JobNotFoundAnswersNeeded))
            {
                _jobNotFoundAnswers++;
                return null;
            }

            return _jobsById.TryGetValue(id, out var job) ? job.View() : null;
        }
    }

    public IReadOnlyList<JobView> ListJobs()
    {
        lock (_lock)
        {
            AdvanceToNow();
            return _jobs.Select(j => j.View()).ToArray();
        }
    }

    /// <summary>Remembers the size and hash of the image that arrived last, whatever becomes of it.</summary>
    public void NoteImageReceived(ImageInspection image)
    {
        lock (_lock)
        {
            _lastUploadBytes = image.Bytes;
            _lastUploadSha256 = image.Sha256;
        }
    }

    /// <summary>Makes a validated image the one <c>firmware/latest/upgrade</c> installs.</summary>
    public void AcceptImage(string version)
    {
        lock (_lock)
        {
            _uploadedVersion = version;
        }
    }

    /// <summary>Ends the transfer of a URL download job: with the image that arrived, or with a failure.</summary>
    public void CompleteDownload(Job job, ImageInspection? image, string? failure)
    {
        lock (_lock)
        {
            var now = AdvanceToNow();
            if (!job.IsRunning)
            {
                return;
            }

            if (image is not null)
            {
                _lastUploadBytes = image.Bytes;
                _lastUploadSha256 = image.Sha256;
            }

            if (failure is not null || image?.Version is null)
            {
                Finish(job, JobStatus.Failed, failure ?? "The downloaded file is not a firmware image", now);
            }
            else
            {
                job.TargetVersion = image.Version;
                job.DownloadFinishedAt = now;
            }
        }

        Wake.Set();
    }

    public void Record(SimulatorEventKind kind, string detail) => Record(kind, detail, null);

    private void Record(SimulatorEventKind kind, string detail, TimeSpan? at)
    {
        var time = at is { } simulated ? _host.Clock.ToWallClock(simulated) : _host.Clock.WallNow;
        _host.Events.Record(new SimulatorEvent(time, Name, kind, detail));
    }

    private FirmwareFacts FactsUnlocked() =>
        new(_currentVersion, _previousVersion, _backupTime, _uploadedVersion, _lastUploadBytes, _lastUploadSha256, _phase);

    private TimeSpan AdvanceToNow()
    {
        var now = _host.Clock.Now;
        while (NextTransition() is { } next && next.At <= now)
        {
            next.Apply();
        }

        return now;
    }

    /// <summary>
    /// The earliest pending transition. Reboot phases come before a job step ending at the same instant,
    /// because the reboot step ends exactly when the appliance is up again.
    /// </summary>
    private (TimeSpan At, Action Apply)? NextTransition()
    {
        (TimeSpan At, Action Apply)? reboot = (_reboot, _phase) switch
        {
            ({ } cycle, RebootPhase.Down) when _portClosed && !cycle.Endless => (cycle.BootAt, StartBooting),
            ({ } cycle, RebootPhase.Booting) when _bootingAnswers >= cycle.BootingAnswersNeeded => (cycle.UpAt, FinishBooting),
            _ => null,
        };

        var job = _activeJob;
        if (job is not null && StepEnd(job) is { } end && (reboot is null || end < reboot.Value.At))
        {
            return (end, () => EndStep(job, end));
        }

        return reboot;
    }

    /// <summary>When the current step of a job ends, or null while it waits for something outside the schedule.</summary>
    private TimeSpan? StepEnd(Job job)
    {
        var step = job.CurrentStep;
        var nominal = job.StepStartedAt + step.Duration;
        return step.Kind switch
        {
            StepKind.Reboot => _phase == RebootPhase.Up ? _reboot!.UpAt : null,
            StepKind.Download when job.Spec.DownloadUrl is not null =>
                job.DownloadFinishedAt is { } arrived ? (arrived > nominal ? arrived : nominal) : null,
            _ => nominal,
        };
    }

    private void EnterStep(Job job, int number, TimeSpan at)
    {
        job.EnterStep(number, at);
        var step = job.CurrentStep;
        if (job.Faults.FailAtStep == number)
        {
            Finish(job, JobStatus.Failed, job.Faults.FailDetails, at);
            return;
        }

        if (job.Faults.TimeOutAtStep == number)
        {
            Finish(job, JobStatus.TimeOut, $"Step {number} ({step.Description}) did not finish in the expected time", at);
            return;
        }

        Record(SimulatorEventKind.JobStep, string.Create(CultureInfo.InvariantCulture, $"job={job.Id} step={number}/{job.Spec.Steps.Count} {step.Description}"), at);
        switch (step.Kind)
        {
            case StepKind.Reboot:
                // The reboot step lasts as long as the reboot; StepEnd waits for the phase to come back to Up.
                StartReboot(at, $"job={job.Id}");
                break;
            case StepKind.Download when job.Spec.DownloadUrl is { } url:
                _host.Background.Run(stopping => UrlDownload.RunAsync(this, job, url, stopping));
                break;
        }
    }

    private void EndStep(Job job, TimeSpan at)
    {
        if (job.CurrentStep.Kind == StepKind.Download)
        {
            _uploadedVersion = job.TargetVersion;
            if (!job.IsOnLastStep && UpgradeRules.Refusal(this, FactsUnlocked(), job.TargetVersion!, job.Spec.Force) is { } refusal)
            {
                Finish(job, JobStatus.Failed, refusal, at);
                return;
            }
        }

        if (job.IsOnLastStep)
        {
            Finish(job, JobStatus.Done, null, at);
        }
        else
        {
            EnterStep(job, job.StepNumber + 1, at);
        }
    }

    private void Finish(Job job, JobStatus status, string? details, TimeSpan at)
    {
        job.End(status, details);
        job.EndedAt = _host.Clock.ToWallClock(at);
        if (status == JobStatus.Done)
        {
            job.Spec.OnDone?.Invoke();
        }

        _activeJob = null;
        _host.Busy.Exit(Name);
        var text = job.View().Status;
        Record(SimulatorEventKind.JobFinished, details is null ? $"job={job.Id} status={text}" : $"job={job.Id} status={text} details={details}", at);
    }

    private void StartReboot(TimeSpan at, string cause)
    {
        _reboot = RebootCycle.Starting(at, Faults.RebootDowntime, Faults.BootingDuration, Faults.JobNotFoundAfterBoot,
                Faults.MinimumBootingAnswers, Faults.MinimumJobNotFoundAnswers)
            with { Endless = _shutDown || Faults.RebootNeverReturns };
        _bootingAnswers = 0;
        _jobNotFoundAnswers = 0;
        _phase = RebootPhase.Down;
        _portClosed = false;
        Record(SimulatorEventKind.RebootStarted, cause, at);
    }

    private void StartBooting()
    {
        var at = _reboot!.BootAt;
        _phase = RebootPhase.Booting;
        // The new firmware is what boots: from here the appliance runs the target version.
        // The job being rebooted is the active one (its reboot step cannot end before the appliance is up).
        if (_activeJob?.TargetVersion is { } target)
        {
            _previousVersion = _currentVersion;
            _currentVersion = target;
            _backupTime = _host.Clock.ToWallClock(at);
            if (_activeJob.Spec.Type == JobPlans.RollbackType)
            {
                Record(SimulatorEventKind.RolledBack, $"version={target}", at);
            }
        }

        Record(SimulatorEventKind.BootStarted, $"version={_currentVersion}", at);
    }

    private void FinishBooting()
    {
        _phase = RebootPhase.Up;
        Record(SimulatorEventKind.Booted, $"version={_currentVersion}", _reboot!.UpAt);
    }
}
