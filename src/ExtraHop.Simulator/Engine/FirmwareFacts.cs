using System;

namespace ExtraHop.Simulator.Engine;

/// <summary>A consistent snapshot of one appliance's firmware and reboot state.</summary>
internal sealed record FirmwareFacts(
    string CurrentVersion,
    string? PreviousVersion,
    DateTimeOffset? BackupTime,
    string? UploadedVersion,
    long LastUploadBytes,
    string? LastUploadSha256,
    RebootPhase Phase);
