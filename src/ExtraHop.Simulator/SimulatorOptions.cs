using System.Collections.Generic;

namespace ExtraHop.Simulator;

/// <summary>What <see cref="SimulatorHost.StartAsync"/> starts: the appliances and how fast simulated time runs.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The appliances to simulate; each gets its own HTTPS port.</summary>
    public List<ApplianceOptions> Appliances { get; } = new();

    /// <summary>
    /// Simulated seconds per real second. 1200 makes a "20 minute" upgrade take about one second,
    /// which is what tests want; 1 is real time, which is what people trying their scripts want.
    /// </summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>
    /// The cloud catalogue served by <c>firmware/next</c> and accepted by <c>firmware/download/version</c>.
    /// Newest release first, newest build first within a release.
    /// </summary>
    public List<FirmwareRelease> CloudReleases { get; } = new()
    {
        new FirmwareRelease("9.9", new[] { "9.9.2.1234", "9.9.1.1100" }),
        new FirmwareRelease("9.8", new[] { "9.8.3.1500" }),
    };
}
