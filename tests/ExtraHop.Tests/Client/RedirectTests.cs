using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Auth;
using ExtraHop.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>Redirects: same host keeps the credential, another host never gets it, https to http is refused.</summary>
    public sealed class RedirectTests : IAsyncLifetime
    {
        private readonly ConcurrentQueue<(string Host, string Path, bool HadAuthorization)> seen = new ConcurrentQueue<(string, string, bool)>();
        private WebApplication first = null!;
        private WebApplication second = null!;

        public async Task InitializeAsync()
        {
            second = await StartAsync("second", context => context.Response.WriteAsync("{\"version\":\"9.9\"}"));
            string secondUrl = Url(second);
            first = await StartAsync("first", context =>
            {
                string target = context.Request.Path.Value switch
                {
                    "/api/v1/samehost" => "/api/v1/extrahop",
                    "/api/v1/otherhost" => secondUrl + "/api/v1/extrahop",
                    _ => string.Empty,
                };
                if (target.Length == 0) return context.Response.WriteAsync("{}");
                context.Response.StatusCode = 302;
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
        public async Task RedirectToAnotherHostDropsTheCredential()
        {
            using ApiConnection connection = Connect();
            ApiResponse response = await connection.SendAsync(ApiRequest.Get("otherhost"), CancellationToken.None);
            Assert.Contains("9.9", response.Body);
            Assert.True(seen.Single(s => s.Host == "first").HadAuthorization);
            Assert.False(seen.Single(s => s.Host == "second").HadAuthorization);
        }

        private ApiConnection Connect() =>
            new ApiConnection(
                ServerAddress.Parse(Url(first)),
                new ConnectionSettings { AllowUnencryptedAuthentication = true, Retry = new RetryPolicy(0, TimeSpan.Zero) },
                _ => new ApiKeyAuthenticator(Tests.Infrastructure.Simulators.Secure("redirect-test-key")));

        private static string Url(WebApplication app) => app.Services.GetRequiredServiceAddresses().First();

        private async Task<WebApplication> StartAsync(string name, RequestDelegate handle)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            WebApplication app = builder.Build();
            app.Run(context =>
            {
                seen.Enqueue((name, context.Request.Path.Value ?? string.Empty, context.Request.Headers.ContainsKey("Authorization")));
                context.Response.ContentType = "application/json";
                return handle(context);
            });
            await app.StartAsync();
            return app;
        }
    }

    internal static class ServerAddressesExtensions
    {
        public static System.Collections.Generic.ICollection<string> GetRequiredServiceAddresses(this IServiceProvider services) =>
            ((Microsoft.AspNetCore.Hosting.Server.IServer)services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer))!)
                .Features.Get<IServerAddressesFeature>()!.Addresses;
    }
}
