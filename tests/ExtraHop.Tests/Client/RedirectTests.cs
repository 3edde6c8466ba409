using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Auth;
using ExtraHop.Http;
using ExtraHop.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>Redirects: within the same host they are followed with the credential; to another host they are refused.</summary>
    public sealed class RedirectTests : IAsyncLifetime
    {
        private readonly ConcurrentQueue<(string Host, string Path, bool HadAuthorization)> seen = new ConcurrentQueue<(string, string, bool)>();
        private LoopbackServer first = null!;
        private LoopbackServer second = null!;

        public async Task InitializeAsync()
        {
            second = await StartAsync("second", context => context.Response.WriteAsync("{\"version\":\"9.9\"}"));
            string secondUrl = second.Url;
            first = await StartAsync("first", context =>
            {
                string target = context.Request.Path.Value switch
                {
                    "/api/v1/samehost" => "/api/v1/extrahop",
                    "/api/v1/otherhost" => secondUrl + "/api/v1/extrahop",
                    _ => string.Empty,
                };
                if (target.Length == 0) return context.Response.WriteAsync("{}");
                context.Response.StatusCode = context.Request.Method == "POST" ? 307 : 302;
                context.Response.Headers.Location = target;
                return Task.CompletedTask;
            });
        }

        public async Task DisposeAsync()
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }

        [Fact]
        public async Task SameHostRedirectKeepsTheCredential()
        {
            using ApiConnection connection = Connect();
            await connection.SendAsync(ApiRequest.Get("samehost"), CancellationToken.None);
            Assert.All(seen, s => Assert.True(s.HadAuthorization));
            Assert.Contains(seen, s => s.Path == "/api/v1/extrahop" && s.Host == "first");
        }

        [Fact]
        public async Task RedirectToAnotherHostIsRefusedAndTheOtherHostNeverAsked()
        {
            using ApiConnection connection = Connect();
            var refused = await Assert.ThrowsAsync<ExtraHopApiException>(() => connection.SendAsync(ApiRequest.Get("otherhost"), CancellationToken.None));
            Assert.Equal(ApiFailureKind.InsecureRedirect, refused.Kind);
            Assert.Contains("another host", refused.Message);
            Assert.DoesNotContain(seen, s => s.Host == "second");
        }

        [Fact]
        public async Task AStateChangingRequestRedirectedToAnotherHostIsNotSentThere()
        {
            using ApiConnection connection = Connect();
            var refused = await Assert.ThrowsAsync<ExtraHopApiException>(() => connection.SendAsync(ApiRequest.Post("otherhost"), CancellationToken.None));
            Assert.Equal(ApiFailureKind.InsecureRedirect, refused.Kind);
            Assert.Single(seen, s => s.Host == "first" && s.Path == "/api/v1/otherhost");
            Assert.DoesNotContain(seen, s => s.Host == "second");
        }

        private ApiConnection Connect() =>
            new ApiConnection(
                ServerAddress.Parse(first.Url),
                new ConnectionSettings { AllowUnencryptedAuthentication = true, Retry = new RetryPolicy(0, TimeSpan.Zero) },
                _ => new ApiKeyAuthenticator(Tests.Infrastructure.Simulators.Secure("redirect-test-key")));

        private Task<LoopbackServer> StartAsync(string name, RequestDelegate handle) =>
            LoopbackServer.StartAsync(context =>
            {
                seen.Enqueue((name, context.Request.Path.Value ?? string.Empty, context.Request.Headers.ContainsKey("Authorization")));
                context.Response.ContentType = "application/json";
                return handle(context);
            });
    }
}
