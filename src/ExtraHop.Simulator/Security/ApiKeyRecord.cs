using System;

namespace ExtraHop.Simulator.Security;

/// <summary>An API key as <c>GET /apikeys</c> returns it (snake_case on the wire).</summary>
internal sealed record ApiKeyRecord(int Id, string Key, string Description, long TimeAdded, int UserId, string Username)
{
    private const int VisibleDigits = 4;

    /// <summary>How other users' keys are shown: the guide lets <c>system: full</c> see "the last four digits" of any key.</summary>
    public ApiKeyRecord Masked() =>
        this with { Key = new string('*', System.Math.Max(0, Key.Length - VisibleDigits)) + Key[System.Math.Max(0, Key.Length - VisibleDigits)..] };

    /// <summary>Keeps the key out of anything that prints the record.</summary>
    public override string ToString() => $"ApiKeyRecord {{ Id = {Id}, Username = {Username} }}";
}
