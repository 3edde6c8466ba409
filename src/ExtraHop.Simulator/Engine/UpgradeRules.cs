using ExtraHop.Simulator.Firmware;

namespace ExtraHop.Simulator.Engine;

/// <summary>The conditions under which an appliance refuses to install an image.</summary>
internal static class UpgradeRules
{
    /// <summary>Why installing <paramref name="target"/> is refused, or null when it may go ahead.</summary>
    public static string? Refusal(ApplianceEngine appliance, FirmwareFacts facts, string target, bool force) =>
        DowngradeRefusal(facts, target, force) ?? IngestRefusal(appliance);

    public static string? DowngradeRefusal(FirmwareFacts facts, string target, bool force) =>
        !force && FirmwareVersion.Compare(target, facts.CurrentVersion) < 0
            ? $"Refusing to downgrade from {facts.CurrentVersion} to {target}; use force to downgrade"
            : null;

    /// <summary>
    /// A recordstore must not take records while it is upgraded: the procedure halts ingest for the whole
    /// cluster first, and the appliance enforces it so that clients that forget are caught.
    /// </summary>
    public static string? IngestRefusal(ApplianceEngine appliance) =>
        appliance.Cluster is { } cluster && appliance.IngestEnabled
            ? $"Record ingest must be disabled on recordstore cluster '{cluster}' before upgrading"
            : null;
}
