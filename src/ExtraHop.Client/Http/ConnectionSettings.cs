using System;
using System.Net;

namespace ExtraHop.Http
{
    /// <summary>Everything about a connection except who it authenticates as.</summary>
    internal sealed class ConnectionSettings
    {
        public TlsPolicy Tls { get; set; } = TlsPolicy.Validate();
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
        public RetryPolicy Retry { get; set; } = RetryPolicy.Default;
        public Uri? Proxy { get; set; }
        public NetworkCredential? ProxyCredentials { get; set; }
        public bool AllowUnencryptedAuthentication { get; set; }
    }
}
