namespace ExtraHop.Simulator;

/// <summary>Certificate faults: an appliance that regenerates its self-signed certificate when it restarts.</summary>
public sealed partial class ApplianceFaults
{
    private int _newCertificateReboots;

    /// <summary>
    /// The next <paramref name="count"/> reboots each bring the appliance back with a newly generated self-signed
    /// certificate (another fingerprint, not signed by the host's CA), as appliances that regenerate their
    /// certificate while upgrading do. <see cref="SimulatedAppliance.CertificateSha256"/> tells the one it serves.
    /// </summary>
    public void NewCertificateAfterReboot(int count = 1)
    {
        NotNegative(count);
        Write(() => _newCertificateReboots = count);
    }

    /// <summary>Takes one certificate change if one is pending; called once per reboot, as the port closes.</summary>
    internal bool TryTakeNewCertificate()
    {
        lock (_lock)
        {
            if (_newCertificateReboots == 0)
            {
                return false;
            }

            _newCertificateReboots--;
            return true;
        }
    }
}
