using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;

namespace ExtraHop.Auth
{
    /// <summary>Appliance API keys: "Authorization: ExtraHop apikey=KEY" on every request.</summary>
    internal sealed class ApiKeyAuthenticator : IAuthenticator
    {
        private readonly SecureString apiKey;

        public ApiKeyAuthenticator(SecureString apiKey)
        {
            this.apiKey = SecretText.Keep(apiKey);
            HeaderText.RequireSendable(SecretText.Reveal(this.apiKey), "The API key", "ApiKey");
        }

        public AuthKind Kind => AuthKind.ApiKey;

        public (string Method, string Path)? TokenRequest => null;

        public Task<string> GetAuthorizationAsync(CancellationToken cancellationToken) =>
            Task.FromResult("ExtraHop apikey=" + SecretText.Reveal(apiKey));

        public bool Invalidate(string rejectedAuthorization) => false;

        /// <summary>True when <paramref name="candidate"/> is this key (compared in constant time): how the module tells which user a session acts as.</summary>
        public bool Matches(string candidate)
        {
            string own = SecretText.Reveal(apiKey);
            int difference = own.Length ^ candidate.Length;
            for (int i = 0; i < own.Length && i < candidate.Length; i++) difference |= own[i] ^ candidate[i];
            return difference == 0;
        }

        public void Dispose() => apiKey.Dispose();
    }
}
