using System.Security.Cryptography;
using System.Text;

namespace ExtraHop.Simulator.Security;

/// <summary>The setup user's password, compared in constant time and never shown by ToString.</summary>
internal sealed class SetupPassword
{
    private readonly byte[] _password;

    public SetupPassword(string password)
    {
        Text = password;
        _password = Encoding.UTF8.GetBytes(password);
    }

    /// <summary>The password itself, for the simulator's own report to its user (tests read it from SimulatedAppliance).</summary>
    public string Text { get; }

    public bool Matches(string offered) => CryptographicOperations.FixedTimeEquals(_password, Encoding.UTF8.GetBytes(offered));

    public override string ToString() => "SetupPassword";
}
