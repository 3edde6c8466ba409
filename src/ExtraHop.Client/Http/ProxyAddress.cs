using System;
using System.Linq;
using System.Net;

namespace ExtraHop.Http
{
    /// <summary>
    /// Checks -Proxy and -ProxyCredential before a handler is built from them: .NET would otherwise fail on the
    /// first request with an exception that names neither. Messages never echo the address, which may hold a password.
    /// </summary>
    internal static class ProxyAddress
    {
        private static readonly string[] Schemes = { "http", "https", "socks4", "socks4a", "socks5" };

        public static void Check(Uri proxy, NetworkCredential? credential)
        {
            const string example = "such as http://proxy.example.com:8080";
            if (!proxy.IsAbsoluteUri)
            {
                throw new ArgumentException($"-Proxy is not a complete address; give the proxy's URL with its scheme, {example}.", "Proxy");
            }
            if (!string.IsNullOrEmpty(proxy.UserInfo))
            {
                throw new ArgumentException("-Proxy contains a user name or password; give them with -ProxyCredential instead, so they stay out of logs and errors.", "Proxy");
            }
            if (!Schemes.Contains(proxy.Scheme, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"-Proxy uses the scheme '{proxy.Scheme}'; a proxy is reached over http, https, socks4, socks4a or socks5, {example}.", "Proxy");
            }
            if (proxy.Port == 0 || string.IsNullOrEmpty(proxy.Host))
            {
                throw new ArgumentException($"-Proxy names no host or port 0; {example}.", "Proxy");
            }

            if (credential == null) return;
            HeaderText.RequireNoControlCharacters(credential.UserName, "The -ProxyCredential user name", "ProxyCredential");
            HeaderText.RequireNoControlCharacters(credential.Password, "The -ProxyCredential password", "ProxyCredential");
            HeaderText.RequireNoControlCharacters(credential.Domain, "The -ProxyCredential domain", "ProxyCredential");
        }
    }
}
