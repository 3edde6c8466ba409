using System;
using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>
    /// The license applied to an appliance (GET /license). Edition, platform, serial and the product key (masked as the
    /// appliance masks it) are the appliance's own strings. Expires and DaysLeft are read from expires_at (or, without
    /// it, expires_in); Modules and Options list what is enabled. The raw fields, including the license dossier, stay in
    /// ExtensionData.
    /// </summary>
    public sealed class ExtraHopLicense : ExtraHopObject
    {
        public string? Edition { get; internal set; }
        public string? Platform { get; internal set; }
        public string? Serial { get; internal set; }

        /// <summary>As the appliance shows it (it masks all but the last group).</summary>
        public string? ProductKey { get; internal set; }

        /// <summary>When the license ends, in local time; null for a license without end.</summary>
        [NotFromApi]
        public DateTime? Expires { get; internal set; }

        /// <summary>Whole days until <see cref="Expires"/>; negative once expired, null without end.</summary>
        [NotFromApi]
        public int? DaysLeft { get; internal set; }

        [NotFromApi]
        public bool IsExpired => DaysLeft.HasValue && Expires <= DateTime.Now;

        /// <summary>The licensed modules that are enabled, by name.</summary>
        [NotFromApi]
        public string[] Modules { get; internal set; } = new string[0];

        /// <summary>The enabled options: a name for an on/off option, name=value for the others.</summary>
        [NotFromApi]
        public string[] Options { get; internal set; } = new string[0];

        public override string ToString() =>
            $"{Edition ?? "license"} on {Server}: {(Expires.HasValue ? (IsExpired ? "expired " : "expires ") + Expires.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "no expiry")}";
    }

    /// <summary>The product key applied to an appliance (GET /license/productkey).</summary>
    public sealed class ExtraHopProductKey : ExtraHopObject
    {
        public string? ProductKey { get; internal set; }

        public override string ToString() => $"{ProductKey} on {Server}";
    }
}
