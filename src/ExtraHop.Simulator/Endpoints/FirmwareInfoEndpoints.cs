using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>What firmware the appliance runs, has uploaded, could move to, and could roll back to.</summary>
internal static class FirmwareInfoEndpoints
{
    public static Task GetFirmwareAsync(ApiContext c)
    {
        var facts = c.Engine.Facts();
        return c.OkAsync(new FirmwareInfo(facts.CurrentVersion, facts.UploadedVersion));
    }

    /// <summary>
    /// The cloud catalogue cut down to what is newer than the running version, newest first; current_release marks
    /// the release line the appliance runs, the one a hotfix-only upgrade picks from.
    /// </summary>
    public static Task GetNextAsync(ApiContext c)
    {
        var running = c.Engine.Facts().CurrentVersion;
        var next = c.Engine.Host.CloudReleases
            .Select(r => new ReleaseInfo(r.Release, FirmwareVersion.IsInRelease(running, r.Release), r.Versions.Where(v => FirmwareVersion.Compare(v, running) > 0).ToArray()))
            .Where(r => r.Versions.Length > 0)
            .ToArray();
        return c.OkAsync(next);
    }

    public static Task GetPreviousAsync(ApiContext c)
    {
        var facts = c.Engine.Facts();
        if (facts.PreviousVersion is null || facts.BackupTime is null)
        {
            throw new ApiErrorException(404, "No previous firmware is available for rollback");
        }

        return c.OkAsync(new PreviousInfo(facts.PreviousVersion, facts.BackupTime.Value.ToUnixTimeMilliseconds()));
    }

    private sealed record FirmwareInfo(string Version, string? UploadedVersion);

    private sealed record ReleaseInfo(string Release, bool CurrentRelease, string[] Versions);

    private sealed record PreviousInfo(string Version, long BackupTime);
}
