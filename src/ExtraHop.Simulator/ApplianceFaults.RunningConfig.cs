using System;

namespace ExtraHop.Simulator;

/// <summary>Faults of the running config: a replace the appliance refuses with its own message, and slow reads.</summary>
public sealed partial class ApplianceFaults
{
    private int _configReplaceRefusals;
    private string _configReplaceRefusal = string.Empty;
    private TimeSpan _configReadDelay = TimeSpan.Zero;

    /// <summary>
    /// REAL time (not scaled) that <c>GET /runningconfig</c> and <c>GET /runningconfig/saved</c> take before they
    /// answer, as an appliance takes to render its config. Default 0. Benchmarks use it so a fleet backup is bound by
    /// the appliances' answers, as it is against real ones, rather than by the test machine's CPU.
    /// </summary>
    public TimeSpan ConfigReadDelay
    {
        get => Read(() => _configReadDelay);
        set => Write(() => _configReadDelay = NotNegative(value));
    }

    /// <summary>
    /// The next <paramref name="count"/> <c>PUT /runningconfig</c> requests are answered 400 with
    /// <paramref name="message"/> as the <c>error_message</c>, and the running config stays as it was.
    /// </summary>
    public void RefuseConfigReplace(int count, string message = "Invalid configuration: capture.mtu must be between 1500 and 9216")
    {
        ArgumentNullException.ThrowIfNull(message);
        NotNegative(count);
        Write(() =>
        {
            _configReplaceRefusals = count;
            _configReplaceRefusal = message;
        });
    }

    /// <summary>The message to refuse this replace with, or null when it goes ahead.</summary>
    internal string? TakeConfigReplaceRefusal()
    {
        lock (_lock)
        {
            if (_configReplaceRefusals == 0)
            {
                return null;
            }

            _configReplaceRefusals--;
            return _configReplaceRefusal;
        }
    }
}
