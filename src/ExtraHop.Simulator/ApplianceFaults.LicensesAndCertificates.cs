using System;

namespace ExtraHop.Simulator;

/// <summary>License and certificate faults: an appliance that refuses to register a license, or fails to regenerate its certificate.</summary>
public sealed partial class ApplianceFaults
{
    private int _licenseRefusals;
    private string _licenseRefusalMessage = string.Empty;

    /// <summary>The next <paramref name="count"/> license uploads (<c>PUT /license</c>) are answered 400 with this message and change nothing.</summary>
    public void RefuseLicense(int count = 1, string message = "The license could not be registered with ExtraHop")
    {
        ArgumentNullException.ThrowIfNull(message);
        NotNegative(count);
        Write(() =>
        {
            _licenseRefusals = count;
            _licenseRefusalMessage = message;
        });
    }

    /// <summary>Takes one license refusal if one is pending, with its message.</summary>
    internal bool TryTakeLicenseRefusal(out string message)
    {
        lock (_lock)
        {
            message = _licenseRefusalMessage;
            if (_licenseRefusals == 0)
            {
                return false;
            }

            _licenseRefusals--;
            return true;
        }
    }

    /// <summary>The next job created (meant: the certificate regeneration of <c>POST /extrahop/sslcert</c>) ends FAILED at its first step; the certificate stays.</summary>
    public void FailCertificateRegeneration(string details = "The TLS certificate could not be generated") => FailJobAtStep(1, details);
}
