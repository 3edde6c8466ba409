using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExtraHop.Tests.Infrastructure
{
    /// <summary>A plain-http server on a free loopback port that answers as the test says, for what the simulator does not play (other hosts, odd answers).</summary>
    public sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly WebApplication app;

        private LoopbackServer(WebApplication app) => this.app = app;

        /// <summary>http://127.0.0.1:PORT</summary>
        public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        public static async Task<LoopbackServer> StartAsync(RequestDelegate handle)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            WebApplication app = builder.Build();
            app.Run(handle);
            await app.StartAsync();
            return new LoopbackServer(app);
        }

        /// <summary>Answers every request with an empty JSON object after telling <paramref name="seen"/>.</summary>
        public static Task<LoopbackServer> StartAsync(Action seen) =>
            StartAsync(context =>
            {
                seen();
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync("{}");
            });

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
