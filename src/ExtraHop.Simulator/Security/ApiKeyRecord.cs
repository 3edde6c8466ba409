using System;

namespace ExtraHop.Simulator.Security;

/// <summary>An API key as <c>GET /apikeys</c> returns it (snake_case on the wire).</summary>
internal sealed record ApiKeyRecord(int Id, string Key, string Description, long TimeAdded, int UserId, string Username)
{
    /// <summary>
    /// How a system administrator sees another user's key: the guide lets it "view the last four digits and
    /// description for any API key", so everything but the last four characters is masked with asterisks.
    /// </summary>
    public ApiKeyRecord LastFourOnly()
    {
        var shown = Math.Min(4, Key.Length);
        return this with { Key = new string('*', Key.Length - shown) + Key[^shown..] };
    }

    /// <summary>Keeps the key out of anything that prints the record.</summary>
    public override string ToString() => $"ApiKeyRecord {{ Id = {Id}, Username = {Username} }}";
}
