namespace ExtraHop.Simulator.Security;

/// <summary>An API key as <c>GET /apikeys</c> returns it (snake_case on the wire).</summary>
internal sealed record ApiKeyRecord(int Id, string Key, string Description, long TimeAdded, int UserId, string Username)
{
    /// <summary>How other users' keys are shown: the UI masks them with asterisks, and so does the API.</summary>
    public ApiKeyRecord Masked() => this with { Key = new string('*', Key.Length) };

    /// <summary>Keeps the key out of anything that prints the record.</summary>
    public override string ToString() => $"ApiKeyRecord {{ Id = {Id}, Username = {Username} }}";
}
