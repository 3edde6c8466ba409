using System;
using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.Simulator.Engine;

/// <summary>
/// The steps of each kind of job. Names and durations are the simulator's own (the real ones are not
/// documented); an upgrade takes about 20 simulated minutes like a real appliance, which is what the
/// time scale is tuned against.
/// </summary>
internal static class JobPlans
{
    public const string UpgradeType = "Firmware upgrade";
    public const string DownloadType = "Firmware download";
    public const string RollbackType = "Firmware rollback";
    public const string RemoteUpgradeType = "Remote firmware upgrade";

    private static readonly JobStep Restarting = new("Restarting appliance", TimeSpan.Zero, StepKind.Reboot);

    /// <summary>Upgrade to the image on the appliance.</summary>
    public static IReadOnlyList<JobStep> Upgrade(double durationFactor) => Scale(durationFactor, UpgradeSteps());

    /// <summary>Download an image (from a URL or the cloud), then optionally upgrade to it, in one job.</summary>
    public static IReadOnlyList<JobStep> Download(bool thenUpgrade, double durationFactor)
    {
        var steps = new List<JobStep> { new("Downloading firmware", TimeSpan.FromMinutes(3), StepKind.Download) };
        if (thenUpgrade)
        {
            steps.AddRange(UpgradeSteps());
        }

        return Scale(durationFactor, steps);
    }

    public static IReadOnlyList<JobStep> Rollback(double durationFactor) => Scale(durationFactor, new[]
    {
        new JobStep("Restoring previous firmware", TimeSpan.FromMinutes(3), StepKind.Work),
        Restarting,
        new JobStep("Verifying rollback", TimeSpan.FromMinutes(1), StepKind.Work),
    });

    /// <summary>A console upgrading connected appliances from the cloud: the console itself does not restart.</summary>
    public static IReadOnlyList<JobStep> RemoteUpgrade(double durationFactor) => Scale(durationFactor, new[]
    {
        new JobStep("Downloading firmware to connected appliances", TimeSpan.FromMinutes(3), StepKind.Work),
        new JobStep("Upgrading connected appliances", TimeSpan.FromMinutes(10), StepKind.Work),
        new JobStep("Verifying connected appliances", TimeSpan.FromMinutes(1), StepKind.Work),
    });

    private static IEnumerable<JobStep> UpgradeSteps() => new[]
    {
        new JobStep("Validating firmware image", TimeSpan.FromMinutes(2), StepKind.Work),
        new JobStep("Installing firmware", TimeSpan.FromMinutes(7), StepKind.Work),
        new JobStep("Migrating configuration", TimeSpan.FromMinutes(3), StepKind.Work),
        Restarting,
        new JobStep("Verifying upgrade", TimeSpan.FromMinutes(1), StepKind.Work),
    };

    // The slow-upgrade fault stretches the work; reboot timing has its own knobs (RebootDowntime, BootingDuration).
    private static IReadOnlyList<JobStep> Scale(double factor, IEnumerable<JobStep> steps) =>
        steps.Select(s => s.Kind == StepKind.Reboot ? s : s with { Duration = s.Duration * factor }).ToArray();
}
