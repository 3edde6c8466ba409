using System;

namespace ExtraHop.Http
{
    /// <summary>
    /// What a user typed for -Server (a host name, host:port, or a URL) turned into the API's base address.
    /// </summary>
    internal sealed class ServerAddress
    {
        private ServerAddress(Uri baseUri, string displayName)
        {
            BaseUri = baseUri;
            DisplayName = displayName;
        }

        /// <summary>https://host[:port]/api/v1/ — always ends with a slash so relative paths append.</summary>
        public Uri BaseUri { get; }

        /// <summary>host, or host:port when the port is not the scheme's default; how sessions are named.</summary>
        public string DisplayName { get; }

        public bool IsEncrypted => BaseUri.Scheme == Uri.UriSchemeHttps;

        public static ServerAddress Parse(string server)
        {
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new ArgumentException("The server name is empty. Give a host name, host:port, or an https:// URL.", nameof(server));
            }

            string text = server.Trim();
            string withScheme = text.IndexOf("://", StringComparison.Ordinal) >= 0 ? text : "https://" + text;
            if (!Uri.TryCreate(withScheme, UriKind.Absolute, out Uri? uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw new ArgumentException($"'{text}' is not a host name, host:port or URL.", nameof(server));
            }

            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new ArgumentException($"'{text}' uses the scheme '{uri.Scheme}'; ExtraHop appliances speak https.", nameof(server));
            }

            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                // A key or password typed into the URL would end up in logs and errors; refuse it outright.
                throw new ArgumentException("Put credentials in -ApiKey or -Credential, not in the server address.", nameof(server));
            }

            // Users paste the API base (https://host/api/v1) as often as the host; both mean the same appliance.
            string host = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.DnsSafeHost + "]" : uri.Host;
            var builder = new UriBuilder(uri.Scheme, host, uri.Port, "/api/v1/");
            string display = uri.IsDefaultPort ? host : host + ":" + uri.Port;
            return new ServerAddress(builder.Uri, display.ToLowerInvariant());
        }

        public override string ToString() => DisplayName;
    }
}
