using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Firmware;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>
    /// A request that changes something and got no answer may have been carried out. It is never sent again by
    /// .NET's handler, and the connection sends it again only after the appliance shows it started nothing.
    /// </summary>
    public sealed class UnansweredRequestTests : SimulatorTest
    {
        private const string Upgrade = "/api/v1/extrahop/firmware/latest/upgrade";

        public override async Task InitializeAsync() => Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));

        [Fact]
        public async Task AStateChangingRequestDroppedOnAKeptAliveConnectionIsSentOnceAndSaysItMayHaveArrived()
        {
            ExtraHopSession session = await ConnectWithAnImageAsync(retries: 0);
            Sim["eh1"].Faults.DropRequests(1, Upgrade);

            var failure = await Assert.ThrowsAsync<ExtraHopApiException>(() => session.Connection.SendAsync(ApiRequest.Post("extrahop/firmware/latest/upgrade"), CancellationToken.None));

            Assert.Equal(RequestDelivery.Unanswered, failure.Delivery);
            Assert.Contains("may have received it", failure.Message);
            Assert.Equal(new[] { 0 }, Posts(await Sim.SettledRequestLogAsync()));
        }

        [Fact]
        public async Task AnUpgradeDroppedBeforeItWasReadIsNotResentWithoutRetriesAndNoJobIsStarted()
        {
            ExtraHopSession session = await ConnectWithAnImageAsync(retries: 0);
            Sim["eh1"].Faults.DropRequests(1, Upgrade);

            var failure = await Assert.ThrowsAsync<ExtraHopApiException>(() => FirmwareApi.StartUpgradeAsync(session, false, CancellationToken.None));

            Assert.Equal(RequestDelivery.Unanswered, failure.Delivery);
            Assert.Contains("shows no job started by it; it was not sent again", failure.Message);
            var log = await Sim.SettledRequestLogAsync();
            Assert.Equal(new[] { 0 }, Posts(log));
            Assert.Contains(log, e => e.Method == "GET" && e.Path == "/api/v1/jobs");
            Assert.Empty(await JobApi.ListAsync(session, CancellationToken.None));
        }

        [Fact]
        public async Task AnUpgradeWhoseAnswerWasLostIsFollowedAndNotSentAgain()
        {
            ExtraHopSession session = await ConnectWithAnImageAsync(retries: 3);
            Sim["eh1"].Faults.DropAnswers(1, Upgrade);

            ExtraHopJob job = await FirmwareApi.StartUpgradeAsync(session, false, CancellationToken.None);

            ExtraHopJob running = Assert.Single(await JobApi.ListAsync(session, CancellationToken.None));
            Assert.Equal(running.Id, job.Id);
            Assert.Equal(new[] { 0 }, Posts(await Sim.SettledRequestLogAsync()));
        }

        [Fact]
        public async Task AnUpgradeDroppedBeforeItWasReadIsSentAgainOnlyAfterTheJobListShowsNone()
        {
            ExtraHopSession session = await ConnectWithAnImageAsync(retries: 1);
            Sim["eh1"].Faults.DropRequests(1, Upgrade);

            ExtraHopJob job = await FirmwareApi.StartUpgradeAsync(session, false, CancellationToken.None);

            var log = (await Sim.SettledRequestLogAsync()).Where(e => e.Path == Upgrade || e.Path == "/api/v1/jobs").ToList();
            Assert.Equal(new[] { "POST 0", "GET 200", "POST 202" }, log.Select(e => $"{e.Method} {e.StatusCode}"));
            Assert.Equal(job.Id, Assert.Single(await JobApi.ListAsync(session, CancellationToken.None)).Id);
        }

        [Fact]
        public async Task ARefusedConnectionIsCertainlyNotSentAndSaysSo()
        {
            ExtraHopSession session = await ConnectWithAnImageAsync(retries: 0);
            await Sim.DisposeAsync();
            Sim = null!;

            var failure = await Assert.ThrowsAsync<ExtraHopApiException>(() => session.Connection.SendAsync(ApiRequest.Post("extrahop/firmware/latest/upgrade"), CancellationToken.None));

            Assert.Equal(ApiFailureKind.ConnectionFailed, failure.Kind);
            Assert.Equal(RequestDelivery.NotSent, failure.Delivery);
            Assert.DoesNotContain("may have", failure.Message);
        }

        private static int[] Posts(System.Collections.Generic.IEnumerable<RequestLogEntry> log) =>
            log.Where(e => e.Method == "POST" && e.Path == Upgrade).Select(e => e.StatusCode).ToArray();

        /// <summary>A session whose kept-alive connection has carried an upload, so the next request reuses it.</summary>
        private async Task<ExtraHopSession> ConnectWithAnImageAsync(int retries)
        {
            var settings = new ConnectionSettings
            {
                Tls = TlsPolicy.Pin(Sim.CertificateSha256),
                Retry = new RetryPolicy(retries, TimeSpan.Zero),
            };
            ExtraHopSession session = await ApplianceConnector.ConnectAsync(
                new ConnectRequest(Sim["eh1"].Server, settings) { ApiKey = Simulators.Secure(Sim["eh1"].ApiKey) }, CancellationToken.None);
            await FirmwareApi.UploadAsync(session, FirmwareImageFile.Inspect(Temp.Image("9.9.2.1234")), null, CancellationToken.None);
            return session;
        }
    }
}
