using System;

namespace ExtraHop.Simulator;

/// <summary>Faults of the running config: a replace the appliance refuses with its own message.</summary>
public sealed partial class ApplianceFaults
{
    private int _configReplaceRefusals;
    private string _configReplaceRefusal = string.Empty;

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
