using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Resources;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// /appliances/firmware (consoles only): the cloud releases connected appliances can take, and the console
/// upgrading them. The upgrade is one console job whose remote_jobs follow each appliance; the console itself
/// does not restart, and each appliance runs the new version once its sub-job is DONE.
/// </summary>
internal static class ApplianceFirmwareEndpoints
{
    /// <summary>Releases newer than the oldest firmware among the appliances asked about (all connected ones by default).</summary>
    public static Task GetNextAsync(ApiContext c)
    {
        ApplianceEndpoints.RequireConsole(c);
        var chosen = Chosen(c, ParseIds(c.Query("ids")));
        if (chosen.Count == 0)
        {
            return c.OkAsync(Array.Empty<object>());
        }

        var oldest = chosen.Select(r => r.Version).Aggregate((a, b) => FirmwareVersion.Compare(a, b) <= 0 ? a : b);
        var next = c.Engine.Host.CloudReleases
            .Select(r => new ReleaseInfo(r.Release, FirmwareVersion.IsInRelease(oldest, r.Release), r.Versions.Where(v => FirmwareVersion.Compare(v, oldest) > 0).ToArray()))
            .Where(r => r.Versions.Length > 0)
            .ToArray();
        return c.OkAsync(next);
    }

    public static Task UpgradeAsync(ApiContext c)
    {
        ApplianceEndpoints.RequireConsole(c);
        var body = c.ReadJsonObject();
        if (!body.TryGetProperty("system_ids", out var idsValue) || idsValue.ValueKind != JsonValueKind.Array || idsValue.GetArrayLength() == 0)
        {
            throw new ApiErrorException(400, "system_ids is required: the ids of the connected appliances to upgrade");
        }

        var ids = idsValue.EnumerateArray().Select(v => v.TryGetInt64(out var id) ? id : throw new ApiErrorException(400, "system_ids must be integers")).Distinct().ToArray();
        var version = body.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new ApiErrorException(400, "version is required");
        if (!c.Engine.Host.CloudReleases.Any(r => r.Versions.Contains(version, StringComparer.Ordinal)))
        {
            throw new ApiErrorException(400, $"Version {version} is not available from ExtraHop Cloud Services");
        }

        var records = Chosen(c, ids);
        foreach (var record in records.Where(r => FirmwareVersion.Compare(version, r.Version) < 0))
        {
            throw new ApiErrorException(400, $"Appliance {record.Id} runs {record.Version}, newer than {version}");
        }

        var failing = c.Engine.Faults.TakeRemoteUpgradeFailures();
        var factor = c.Engine.Faults.UpgradeDurationFactor;
        var job = c.Engine.StartJob(_ => new JobSpec(JobPlans.RemoteUpgradeType, JobPlans.RemoteUpgrade(factor), null, null, false,
            ids.Select(id => new RemoteSystem(id, failing.Contains(id))).ToArray()));
        c.Appliance.Connected.NoteUpgrade(job.Id, ids, version);
        return c.AcceptedAsync(job);
    }

    private static long[]? ParseIds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return text.Split(',').Select(part => long.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ApiErrorException(400, $"Invalid ids '{text}': a comma-separated list of appliance ids is expected")).ToArray();
    }

    private static IReadOnlyList<ConnectedRecord> Chosen(ApiContext c, long[]? ids) =>
        ids is null ? c.Appliance.Connected.All() : ids.Select(id => ApplianceEndpoints.Existing(c, id)).ToArray();

    private sealed record ReleaseInfo(string Release, bool CurrentRelease, string[] Versions);
}
