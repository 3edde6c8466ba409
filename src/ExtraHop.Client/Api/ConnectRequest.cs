using System.Security;
using ExtraHop.Http;

namespace ExtraHop.Api
{
    /// <summary>What Connect-ExtraHop collected: where, with which credential, and how.</summary>
    internal sealed class ConnectRequest
    {
        public ConnectRequest(string server, ConnectionSettings settings)
        {
            Server = server;
            Settings = settings;
        }

        public string Server { get; }
        public ConnectionSettings Settings { get; }
        /// <summary>An appliance API key; otherwise <see cref="ClientId"/> and <see cref="ClientSecret"/> (RevealX 360).</summary>
        public SecureString? ApiKey { get; set; }
        public string? ClientId { get; set; }
        public SecureString? ClientSecret { get; set; }
        /// <summary>The setup user's password: a new appliance's first API key is made with it, then the session uses that key.</summary>
        public SecureString? SetupPassword { get; set; }
    }
}
