using System;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Auth
{
    /// <summary>Supplies the Authorization header for each request of one connection.</summary>
    internal interface IAuthenticator : IDisposable
    {
        AuthKind Kind { get; }

        Task<string> GetAuthorizationAsync(CancellationToken cancellationToken);

        /// <summary>The request that fetches the credential (method and path), named in errors when it fails; null when nothing is fetched.</summary>
        (string Method, string Path)? TokenRequest { get; }

        /// <summary>
        /// Called after the appliance refused the credential (401, or a 400 saying the token is invalid). Returns true
        /// when a fresh credential might succeed (a token that expired early); the caller then retries the request
        /// once. API keys cannot be refreshed.
        /// </summary>
        bool Invalidate(string rejectedAuthorization);
    }
}
