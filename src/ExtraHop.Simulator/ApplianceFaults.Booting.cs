namespace ExtraHop.Simulator;

/// <summary>Faults of the booting phase of a reboot, when every request gets 503 and an HTML page, and of the moments after it.</summary>
public sealed partial class ApplianceFaults
{
    private int _minimumBootingAnswers;
    private int _minimumJobNotFoundAnswers;

    /// <summary>
    /// The booting phase of each reboot lasts at least <see cref="BootingDuration"/> and until the appliance has
    /// answered this many requests with 503. Default 0: time alone ends it. Read when a reboot starts. For
    /// tests that must see a client meet the booting page however slow the machine is, rather than hope that
    /// one of its polls lands in a short window.
    /// </summary>
    public int MinimumBootingAnswers
    {
        get => Read(() => _minimumBootingAnswers);
        set => Write(() => _minimumBootingAnswers = NotNegative(value));
    }

    /// <summary>
    /// After each boot, <c>GET /jobs/{id}</c> answers 404 for at least <see cref="JobNotFoundAfterBoot"/> and until it
    /// has done so this many times. Default 0: time alone ends it. Read when a reboot starts. The same guarantee as
    /// <see cref="MinimumBootingAnswers"/>, for the brief window a poll that hung while the port reopened can miss.
    /// </summary>
    public int MinimumJobNotFoundAnswers
    {
        get => Read(() => _minimumJobNotFoundAnswers);
        set => Write(() => _minimumJobNotFoundAnswers = NotNegative(value));
    }
}
