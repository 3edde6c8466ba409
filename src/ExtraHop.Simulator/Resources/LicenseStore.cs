using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace ExtraHop.Simulator.Resources;

/// <summary>
/// The license and product key of one appliance. A new license or product key takes effect only when its
/// registration job ends DONE, as on an appliance, which registers it with ExtraHop first.
/// </summary>
internal sealed class LicenseStore
{
    private readonly object _lock = new();
    private readonly string _platform;
    private string _edition = "Reveal(x) Enterprise";
    private string _serial;
    private string _productKey;
    private string _dossier;
    private DateTimeOffset? _expiresAt;
    private Dictionary<string, object> _modules = new(StringComparer.Ordinal)
    {
        ["ndr"] = true, ["npm"] = true, ["packet_capture"] = true, ["discover"] = true,
    };
    private Dictionary<string, object> _options = new(StringComparer.Ordinal)
    {
        ["ssl_decryption"] = true, ["flow_records"] = true, ["max_devices"] = 10000L,
    };

    public LicenseStore(string platform, string? productKey, DateTimeOffset? expiresAt)
    {
        _platform = platform;
        _productKey = productKey ?? NewProductKey();
        _serial = "EH" + RandomNumberGenerator.GetHexString(10);
        _dossier = "simulated-" + RandomNumberGenerator.GetHexString(24).ToLowerInvariant();
        _expiresAt = expiresAt;
    }

    public string ProductKey
    {
        get
        {
            lock (_lock)
            {
                return _productKey;
            }
        }
    }

    public string Dossier
    {
        get
        {
            lock (_lock)
            {
                return _dossier;
            }
        }
    }

    public DateTimeOffset? ExpiresAt
    {
        get
        {
            lock (_lock)
            {
                return _expiresAt;
            }
        }
    }

    /// <summary>
    /// GET /license. Field names are VERIFIED (3rd-party); their encodings are INFERRED: <c>expires_at</c> in
    /// seconds since the epoch, <c>expires_in</c> in seconds from now (null for a license without end), the product
    /// key masked but for its last group, as the Administration page shows it.
    /// </summary>
    public LicenseView View(DateTimeOffset now)
    {
        lock (_lock)
        {
            return new LicenseView(
                _dossier,
                _edition,
                _platform,
                Mask(_productKey),
                _serial,
                _expiresAt?.ToUnixTimeSeconds(),
                _expiresAt is { } at ? (long)Math.Max(0, (at - now).TotalSeconds) : null,
                new Dictionary<string, object>(_modules),
                new Dictionary<string, object>(_options));
        }
    }

    /// <summary>Applies a registered license: a JSON one sets what it names; any other accepted text renews for a year.</summary>
    public void Apply(LicenseFile license, DateTimeOffset now)
    {
        lock (_lock)
        {
            _dossier = license.Text;
            _edition = license.Edition ?? _edition;
            _serial = license.Serial ?? _serial;
            _expiresAt = license.ExpiresAt ?? now.AddDays(365);
            if (license.Modules is not null)
            {
                _modules = license.Modules;
            }

            if (license.Options is not null)
            {
                _options = license.Options;
            }
        }
    }

    public void SetProductKey(string productKey)
    {
        lock (_lock)
        {
            _productKey = productKey;
        }
    }

    /// <summary>Groups of four letters or digits joined by dashes, three to eight groups (INFERRED from the Administration page).</summary>
    public static bool IsProductKey(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var groups = text.Split('-');
        return groups.Length is >= 3 and <= 8 && groups.All(g => g.Length == 4 && g.All(char.IsAsciiLetterOrDigit));
    }

    private static string Mask(string productKey)
    {
        var groups = productKey.Split('-');
        return string.Join("-", groups.Select((g, i) => i == groups.Length - 1 ? g : "XXXX"));
    }

    private static string NewProductKey() =>
        string.Join("-", Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4)));
}

/// <summary>What GET /license answers.</summary>
internal sealed record LicenseView(
    string Dossier,
    string Edition,
    string Platform,
    string ProductKey,
    string Serial,
    long? ExpiresAt,
    long? ExpiresIn,
    IReadOnlyDictionary<string, object> Modules,
    IReadOnlyDictionary<string, object> Options);
