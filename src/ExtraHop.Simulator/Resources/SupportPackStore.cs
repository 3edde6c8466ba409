using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ExtraHop.Simulator.Time;

namespace ExtraHop.Simulator.Resources;

/// <summary>
/// The support pack files of one appliance and the runs that make them. A run moves through three steps in
/// simulated time and, when done, adds its file; its state is worked out from the clock whenever it is read, so
/// nothing runs in the background. Files hold no bytes: their content is generated as they are downloaded.
/// </summary>
internal sealed class SupportPackStore
{
    public const string DefaultFileName = "diagnostics-default.expk";

    private static readonly string[] Steps = { "Collecting diagnostics", "Compressing", "Encrypting the pack" };
    private static readonly TimeSpan StepDuration = TimeSpan.FromSeconds(20);

    private readonly object _lock = new();
    private readonly SimulatedClock _clock;
    private readonly long _fileBytes;
    private readonly List<SupportPackFile> _files = new();
    private readonly List<Run> _runs = new();
    private int _nextRun = 1;

    public SupportPackStore(SimulatedClock clock, long fileBytes)
    {
        _clock = clock;
        _fileBytes = fileBytes;
        _files.Add(new SupportPackFile(DefaultFileName, fileBytes, clock.WallNow.AddDays(-1).ToUnixTimeMilliseconds()));
    }

    public IReadOnlyList<SupportPackFile> Files
    {
        get
        {
            lock (_lock)
            {
                foreach (var run in _runs)
                {
                    Settle(run);
                }

                return _files.ToArray();
            }
        }
    }

    public SupportPackFile? Find(string fileName) => Files.FirstOrDefault(f => string.Equals(f.Filename, fileName, StringComparison.Ordinal));

    /// <summary>Starts a run; <paramref name="failAtStep"/> makes it end FAILED there.</summary>
    public string Start(string source, int? failAtStep, string failDetails)
    {
        lock (_lock)
        {
            var id = (_nextRun++).ToString(CultureInfo.InvariantCulture);
            _runs.Add(new Run(id, source, _clock.Now, failAtStep, failDetails));
            return id;
        }
    }

    /// <summary>The run's state as <c>GET /supportpacks/queue/{id}</c> answers it (fields INFERRED to match a job's), or null.</summary>
    public RunStatus? Status(string id)
    {
        lock (_lock)
        {
            var run = _runs.FirstOrDefault(r => r.Id == id);
            return run is null ? null : Settle(run);
        }
    }

    private RunStatus Settle(Run run)
    {
        var step = Math.Min(Steps.Length, (int)((_clock.Now - run.StartedAt) / StepDuration) + 1);
        var done = _clock.Now - run.StartedAt >= StepDuration * Steps.Length;
        if (run.FailAtStep is { } failAt && (step >= failAt || done))
        {
            var at = Math.Min(failAt, Steps.Length);
            return new RunStatus(run.Id, "FAILED", at, Steps.Length, Steps[at - 1], run.FailDetails, null);
        }

        if (!done)
        {
            return new RunStatus(run.Id, "RUNNING", step, Steps.Length, Steps[step - 1], null, null);
        }

        var fileName = $"supportpack-{run.Id}-{run.Source}.expk";
        if (!_files.Any(f => f.Filename == fileName))
        {
            _files.Add(new SupportPackFile(fileName, _fileBytes, _clock.ToWallClock(run.StartedAt + StepDuration * Steps.Length).ToUnixTimeMilliseconds()));
        }

        return new RunStatus(run.Id, "DONE", Steps.Length, Steps.Length, Steps[^1], null, fileName);
    }

    private sealed record Run(string Id, string Source, TimeSpan StartedAt, int? FailAtStep, string FailDetails);
}

/// <summary>One pack file as <c>GET /supportpacks</c> lists it (INFERRED fields).</summary>
internal sealed record SupportPackFile(string Filename, long Size, long Created);

/// <summary>A run's state; <c>filename</c> names the file a finished run made (INFERRED).</summary>
internal sealed record RunStatus(string Id, string Status, int StepNumber, int TotalSteps, string StepDescription, string? Details, string? Filename);
