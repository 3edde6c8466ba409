namespace ExtraHop.Models
{
    /// <summary>How a value differs from the reference: only in the difference, only in the reference, or in both with other values.</summary>
    public enum RunningConfigChange
    {
        Added,
        Removed,
        Changed,
    }

    /// <summary>
    /// One difference between two running configs (Compare-EHRunningConfig, Set-EHRunningConfig -WhatIf). Values are
    /// one-line JSON text (strings in quotes), null where the side lacks the field; secret values are masked.
    /// </summary>
    public sealed class RunningConfigDifference
    {
        /// <summary>Where the value sits, such as dns.servers[0] or auth.ldap.bind_password.</summary>
        public string Path { get; internal set; } = string.Empty;

        public RunningConfigChange Change { get; internal set; }

        public string? ReferenceValue { get; internal set; }

        public string? DifferenceValue { get; internal set; }

        /// <summary>True when the values are hidden because the field holds a secret.</summary>
        public bool Masked { get; internal set; }

        /// <summary>The config compared against, such as "eh1 saved" or "file 'eh1.json'".</summary>
        public string ReferenceSource { get; internal set; } = string.Empty;

        /// <summary>The config compared, such as "eh1 running".</summary>
        public string DifferenceSource { get; internal set; } = string.Empty;

        public override string ToString() => $"{Change} {Path}: {ReferenceValue ?? "(none)"} -> {DifferenceValue ?? "(none)"}";
    }
}
