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

        /// <summary>
        /// Called after a 401. Returns true when a fresh credential might succeed (a token that expired early);
        /// the caller then retries the request once. API keys cannot be refreshed.
        /// </summary>
        bool Invalidate(string rejectedAuthorization);
    }
}
