using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Auth;
using ExtraHop.Http;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>The rule for header values, and the one place every message of a connection passes before it is sent.</summary>
    public sealed class HeaderTextTests
    {
        [Theory]
        [InlineData("abc\r\nX-Evil: 1")]
        [InlineData("abc\n")]
        [InlineData("a\tb")]
        [InlineData("a\u007fb")]
        [InlineData("abc\u00e9")]
        [InlineData("key\u00a0")]
        public void ValuesThatCannotGoIntoAHeaderAreRefusedWithoutQuotingThem(string value)
        {
            var refused = Assert.Throws<ArgumentException>(() => HeaderText.RequireSendable(value, "The API key", "ApiKey"));
            Assert.Equal("ApiKey", refused.ParamName);
            Assert.StartsWith("The API key contains", refused.Message);
            Assert.DoesNotContain("abc", refused.Message);
            Assert.False(HeaderText.IsSendable(value));
        }

        [Fact]
        public void PrintableAsciiIsSendable()
        {
            HeaderText.RequireSendable("ExtraHop apikey=0123abcDEF-_.~+/=", "The API key", "ApiKey");
            Assert.True(HeaderText.IsSendable("Bearer eyJhbGciOi.eyJzdWIi.sig"));
        }

        [Fact]
        public void EncodedCredentialsMayBeUnicodeButHaveNoControlCharacters()
        {
            HeaderText.RequireNoControlCharacters("clé-secrète", "The RevealX 360 client secret", "ClientSecret");
            var refused = Assert.Throws<ArgumentException>(() => HeaderText.RequireNoControlCharacters("secret\r\n", "The RevealX 360 client secret", "ClientSecret"));
            Assert.Equal("ClientSecret", refused.ParamName);
        }

        [Fact]
        public void EveryHeaderOfAMessageIsCheckedBeforeItIsSent()
        {
            var message = new HttpRequestMessage(HttpMethod.Get, "https://eh01/api/v1/extrahop");
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer abc\r\nX-Evil: 1");
            var refused = Assert.Throws<ArgumentException>(() => HeaderText.Check(message));
            Assert.Contains("Authorization header of GET /api/v1/extrahop", refused.Message);
            Assert.DoesNotContain("abc", refused.Message);
        }

        /// <summary>
        /// An authenticator is not trusted to have checked its own header: a connection refuses to send a message
        /// whose Authorization value would inject a header, and the server never sees a request.
        /// </summary>
        [Fact]
        public async Task AConnectionNeverSendsAHeaderValueWithALineBreak()
        {
            int requests = 0;
            await using var server = await LoopbackServer.StartAsync(() => Interlocked.Increment(ref requests));
            using var connection = new ApiConnection(
                ServerAddress.Parse(server.Url),
                new ConnectionSettings { AllowUnencryptedAuthentication = true, Retry = new RetryPolicy(0, TimeSpan.Zero) },
                _ => new FixedAuthenticator("ExtraHop apikey=abc\r\nX-Evil: 1"));

            await Assert.ThrowsAsync<ArgumentException>(() => connection.SendAsync(ApiRequest.Get("extrahop"), CancellationToken.None));
            Assert.Equal(0, requests);
        }

        private sealed class FixedAuthenticator : IAuthenticator
        {
            private readonly string header;

            public FixedAuthenticator(string header) => this.header = header;

            public AuthKind Kind => AuthKind.ApiKey;

            public (string Method, string Path)? TokenRequest => null;

            public Task<string> GetAuthorizationAsync(CancellationToken cancellationToken) => Task.FromResult(header);

            public bool Invalidate(string rejectedAuthorization) => false;

            public void Dispose()
            {
            }
        }
    }
}
