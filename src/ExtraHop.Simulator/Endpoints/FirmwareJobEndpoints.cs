using System;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// The firmware operations that run as jobs (202 + relative Location): upgrade to the uploaded image,
/// download from a URL or from the cloud (optionally upgrading in the same job), and roll back.
/// Preconditions are checked when the request arrives wherever the facts are known then.
/// </summary>
internal static class FirmwareJobEndpoints
{
    public static Task UpgradeLatestAsync(ApiContext c)
    {
        // The official script sends no body at all; restart_after and silent are accepted and have no effect here.
        var force = c.ReadJson<UpgradeRequest>()?.Force ?? false;
        var factor = c.Engine.Faults.UpgradeDurationFactor;
        var job = c.Engine.StartJob(facts =>
        {
            var target = facts.UploadedVersion
                ?? throw new ApiErrorException(400, "No firmware image has been uploaded; upload one with POST /api/v1/extrahop/firmware first");
            Refuse(UpgradeRules.Refusal(c.Engine, facts, target, force));
            return new JobSpec(JobPlans.UpgradeType, JobPlans.Upgrade(factor), target, null, force);
        });
        return c.AcceptedAsync(job);
    }

    /// <summary>The appliance fetches the image itself; the image's version is known only once it has arrived.</summary>
    public static Task DownloadFromUrlAsync(ApiContext c)
    {
        var request = c.ReadJson<DownloadUrlRequest>();
        if (!Uri.TryCreate(request?.FirmwareUrl, UriKind.Absolute, out var url))
        {
            throw new ApiErrorException(400, "firmware_url is required and must be an absolute URL");
        }

        var upgrade = request!.Upgrade ?? false;
        var force = request.Force ?? false;
        var factor = c.Engine.Faults.UpgradeDurationFactor;
        var job = c.Engine.StartJob(_ =>
        {
            Refuse(upgrade ? UpgradeRules.IngestRefusal(c.Engine) : null);
            return new JobSpec(JobPlans.DownloadType, JobPlans.Download(upgrade, factor), null, url, force);
        });
        return c.AcceptedAsync(job);
    }

    public static Task DownloadVersionAsync(ApiContext c)
    {
        var request = c.ReadJson<DownloadVersionRequest>();
        var version = request?.Version ?? throw new ApiErrorException(400, "version is required");
        if (!c.Engine.Host.CloudReleases.Any(r => r.Versions.Contains(version, StringComparer.Ordinal)))
        {
            throw new ApiErrorException(400, $"Firmware version {version} is not available from ExtraHop Cloud Services");
        }

        var upgrade = request.Upgrade ?? false;
        var force = request.Force ?? false;
        var factor = c.Engine.Faults.UpgradeDurationFactor;
        var job = c.Engine.StartJob(facts =>
        {
            Refuse(upgrade ? UpgradeRules.Refusal(c.Engine, facts, version, force) : null);
            return new JobSpec(JobPlans.DownloadType, JobPlans.Download(upgrade, factor), version, null, force);
        });
        return c.AcceptedAsync(job);
    }

    public static Task RollbackAsync(ApiContext c)
    {
        var factor = c.Engine.Faults.UpgradeDurationFactor;
        var job = c.Engine.StartJob(facts =>
        {
            var previous = facts.PreviousVersion ?? throw new ApiErrorException(404, "No previous firmware is available for rollback");
            return new JobSpec(JobPlans.RollbackType, JobPlans.Rollback(factor), previous, null, true);
        });
        return c.AcceptedAsync(job);
    }

    private static void Refuse(string? reason)
    {
        if (reason is not null)
        {
            throw new ApiErrorException(400, reason);
        }
    }

    private sealed record UpgradeRequest(bool? Force, bool? RestartAfter, bool? Silent);

    private sealed record DownloadUrlRequest(string? FirmwareUrl, bool? Upgrade, bool? Force);

    private sealed record DownloadVersionRequest(string? Version, bool? Upgrade, bool? Force);
}
