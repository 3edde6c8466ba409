using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Json;

namespace ExtraHop.Auth
{
    /// <summary>
    /// RevealX 360: exchanges a client ID and secret for a bearer token at /oauth2/token (client-credentials
    /// grant, Basic authentication), caches it, and fetches a new one shortly before expires_in runs out or
    /// once after the API says the token is no longer valid. One refresh at a time, however many threads ask.
    /// </summary>
    internal sealed class ClientCredentialsAuthenticator : IAuthenticator
    {
        // Tokens normally live an hour; renew a minute early, or a tenth of the lifetime for short-lived tokens.
        private static readonly TimeSpan MaxRenewalMargin = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

        private readonly string clientId;
        private readonly SecureString clientSecret;
        private readonly Uri tokenEndpoint;
        private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send;
        private readonly SemaphoreSlim refreshing = new SemaphoreSlim(1, 1);
        private volatile CachedToken? current;

        public ClientCredentialsAuthenticator(
            string clientId,
            SecureString clientSecret,
            Uri tokenEndpoint,
            Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send)
        {
            if (string.IsNullOrWhiteSpace(clientId)) throw new ArgumentException("The RevealX 360 client ID is empty.", "ClientId");
            HeaderText.RequireNoControlCharacters(clientId, "The RevealX 360 client ID", "ClientId");
            this.clientId = clientId;
            this.clientSecret = SecretText.Keep(clientSecret);
            HeaderText.RequireNoControlCharacters(SecretText.Reveal(this.clientSecret), "The RevealX 360 client secret", "ClientSecret");
            this.tokenEndpoint = tokenEndpoint;
            this.send = send;
        }

        public AuthKind Kind => AuthKind.RevealX360;

        public (string Method, string Path)? TokenRequest => ("POST", tokenEndpoint.AbsolutePath);

        public async Task<string> GetAuthorizationAsync(CancellationToken cancellationToken)
        {
            CachedToken? token = current;
            if (token != null && !token.IsDue(DateTimeOffset.UtcNow)) return token.Header;

            await refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                token = current;
                if (token == null || token.IsDue(DateTimeOffset.UtcNow))
                {
                    token = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
                    current = token;
                }
                return token.Header;
            }
            finally
            {
                refreshing.Release();
            }
        }

        public bool Invalidate(string rejectedAuthorization)
        {
            CachedToken? token = current;
            if (token != null && token.Header == rejectedAuthorization)
            {
                current = null;
            }
            return true;
        }

        public void Dispose()
        {
            current = null;
            clientSecret.Dispose();
            refreshing.Dispose();
        }

        private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
        {
            string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + SecretText.Reveal(clientSecret)));
            using (var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
                request.Content = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("grant_type", "client_credentials") });
                Http.ApiTrace.Write(tokenEndpoint.Authority + ": POST " + tokenEndpoint.AbsolutePath + " (requesting a RevealX 360 access token)");
                using (HttpResponseMessage response = await send(request, cancellationToken).ConfigureAwait(false))
                {
                    string body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        ExtraHopApiException failure = RequestFailures.FromAnswer(tokenEndpoint.Authority, "POST", tokenEndpoint.AbsolutePath, response, body);
                        string? reason = failure.ApplianceMessage;
                        // 401, or invalid_client on a 400, is how the token endpoint says the ID or secret is wrong: an
                        // authentication failure. Anything else (429, 5xx) is about the endpoint, not the credentials.
                        bool refused = response.StatusCode == HttpStatusCode.Unauthorized
                            || (response.StatusCode == HttpStatusCode.BadRequest && reason != null && reason.StartsWith("invalid_client", StringComparison.Ordinal));
                        if (!refused) throw failure;
                        throw new ExtraHopApiException(
                            ApiFailureKind.HttpStatus,
                            $"RevealX 360 refused the client credentials ({(int)response.StatusCode}{(reason == null ? string.Empty : ": " + reason)}). Check the client ID and secret on the API Access page.",
                            tokenEndpoint.Authority,
                            "POST",
                            tokenEndpoint.AbsolutePath,
                            HttpStatusCode.Unauthorized,
                            reason);
                    }

                    TokenResponse token;
                    try
                    {
                        token = JsonModelReader.Read<TokenResponse>(body);
                    }
                    catch (FormatException ex)
                    {
                        throw new ExtraHopApiException(ApiFailureKind.InvalidResponse, "The token endpoint did not answer with JSON.", tokenEndpoint.Authority, "POST", tokenEndpoint.AbsolutePath, response.StatusCode, null, ex);
                    }
                    if (string.IsNullOrEmpty(token.AccessToken) || !HeaderText.IsSendable(token.AccessToken!))
                    {
                        throw new ExtraHopApiException(ApiFailureKind.InvalidResponse, "The token endpoint answered without an access_token that can be sent in a header.", tokenEndpoint.Authority, "POST", tokenEndpoint.AbsolutePath, response.StatusCode);
                    }

                    TimeSpan lifetime = token.ExpiresIn > 0 ? TimeSpan.FromSeconds(token.ExpiresIn) : DefaultLifetime;
                    TimeSpan margin = TimeSpan.FromTicks(Math.Min(MaxRenewalMargin.Ticks, lifetime.Ticks / 10));
                    return new CachedToken("Bearer " + token.AccessToken, DateTimeOffset.UtcNow + lifetime - margin);
                }
            }
        }

        private sealed class CachedToken
        {
            public CachedToken(string header, DateTimeOffset renewAt)
            {
                Header = header;
                RenewAt = renewAt;
            }

            public string Header { get; }
            public DateTimeOffset RenewAt { get; }

            public bool IsDue(DateTimeOffset now) => now >= RenewAt;
        }

        private sealed class TokenResponse
        {
            public string? AccessToken { get; set; }
            public long ExpiresIn { get; set; }
            public string? TokenType { get; set; }
        }
    }
}
