using System;

namespace ExtraHop.Http
{
    /// <summary>
    /// What a user typed for -Server (a host name, host:port, or a URL) turned into the API's base address.
    /// </summary>
    internal sealed class ServerAddress
    {
        private ServerAddress(Uri baseUri, string displayName, string? ignoredPath)
        {
            BaseUri = baseUri;
            DisplayName = displayName;
            IgnoredPath = ignoredPath;
        }

        /// <summary>https://host[:port]/api/v1/ — always ends with a slash so relative paths append.</summary>
        public Uri BaseUri { get; }

        /// <summary>host, or host:port when the port is not the scheme's default; how sessions are named.</summary>
        public string DisplayName { get; }

        public bool IsEncrypted => BaseUri.Scheme == Uri.UriSchemeHttps;

        /// <summary>A path typed after the host that the address does not use (the API is always at /api/v1), for a warning; null when there was none.</summary>
        public string? IgnoredPath { get; }

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

            if (uri.Port == 0)
            {
                throw new ArgumentException($"'{text}' names port 0, which no appliance listens on. Leave the port out for 443, or give the port the appliance uses.", nameof(server));
            }

            // Users paste the API base (https://host/api/v1) as often as the host; both mean the same appliance.
            // Any other path (a page of the web UI) would be dropped without a word, so it is reported.
            string rest = uri.PathAndQuery + uri.Fragment;
            string? ignoredPath = rest.TrimEnd('/').Length == 0 || string.Equals(rest.TrimEnd('/'), "/api/v1", StringComparison.OrdinalIgnoreCase) ? null : rest;
            string host = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.DnsSafeHost + "]" : uri.Host;
            var builder = new UriBuilder(uri.Scheme, host, uri.Port, "/api/v1/");
            string display = uri.IsDefaultPort ? host : host + ":" + uri.Port;
            return new ServerAddress(builder.Uri, display.ToLowerInvariant(), ignoredPath);
        }

        public override string ToString() => DisplayName;
    }
}
