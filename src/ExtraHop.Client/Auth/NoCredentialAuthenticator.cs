using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Auth
{
    /// <summary>Sends no Authorization header: for POST /apikeys, where the setup user's password in the body is the credential.</summary>
    internal sealed class NoCredentialAuthenticator : IAuthenticator
    {
        public AuthKind Kind => AuthKind.None;

        public Task<string> GetAuthorizationAsync(CancellationToken cancellationToken) => Task.FromResult(string.Empty);

        public (string Method, string Path)? TokenRequest => null;

        public bool Invalidate(string rejectedAuthorization) => false;

        public void Dispose()
        {
        }
    }
}
