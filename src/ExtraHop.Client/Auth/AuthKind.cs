namespace ExtraHop
{
    /// <summary>How a session proves who it is.</summary>
    public enum AuthKind
    {
        /// <summary>An appliance API key (Authorization: ExtraHop apikey=...).</summary>
        ApiKey,
        /// <summary>RevealX 360 REST API credentials: a client ID and secret exchanged for short-lived bearer tokens.</summary>
        RevealX360,
        /// <summary>No credential: only the request that creates the setup user's first API key is sent so; no session has it.</summary>
        None,
    }
}
