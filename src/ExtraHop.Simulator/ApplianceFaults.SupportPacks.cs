using System;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator;

/// <summary>Faults of support pack runs and of downloads (support packs and packets).</summary>
public sealed partial class ApplianceFaults
{
    private int? _failSupportPackAtStep;
    private string _failSupportPackDetails = string.Empty;
    private RequestFault? _cutDownloads;

    /// <summary>The next support pack run (default or uploaded) ends FAILED with these details at step <paramref name="step"/> (1-based; runs have 3).</summary>
    public void FailSupportPackAtStep(int step, string details = "Simulated support pack failure")
    {
        ArgumentNullException.ThrowIfNull(details);
        Positive(step);
        Write(() =>
        {
            _failSupportPackAtStep = step;
            _failSupportPackDetails = details;
        });
    }

    /// <summary>
    /// The next <paramref name="count"/> matching downloads (support pack files, packet searches) send half of
    /// their body, then their connection is dropped: a download cut half way.
    /// </summary>
    public void CutDownloads(int count, string? pathPrefix = null)
    {
        var fault = new RequestFault(NotNegative(count), 0, 0, pathPrefix);
        Write(() => _cutDownloads = fault);
    }

    /// <summary>Takes the failure planned for the next support pack run (one-shot): the step it fails at, or null.</summary>
    internal (int? Step, string Details) TakeSupportPackFailure()
    {
        lock (_lock)
        {
            var taken = (_failSupportPackAtStep, _failSupportPackDetails);
            _failSupportPackAtStep = null;
            return taken;
        }
    }

    /// <summary>True when this download is to be cut half way.</summary>
    internal bool TakeDownloadCut(string path)
    {
        lock (_lock)
        {
            return Take(ref _cutDownloads, path) is not null;
        }
    }
}
