using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using ExtraHop.Upgrade;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>
    /// Ctrl+C at the level of the fleet engine, where the results stay visible (a stopped PowerShell pipeline
    /// shows none): every appliance is accounted for as Cancelled, none is silently dropped, and the run returns.
    /// </summary>
    public sealed class FleetCancellationTests : SimulatorTest
    {

        public override async Task InitializeAsync() =>
            Sim = await Simulators.StartAsync(Simulators.Sensor("a"), Simulators.Sensor("b"), Simulators.Sensor("c"));

        [Fact]
        public async Task CancellingReportsTheRunningApplianceAndTheWaitingOnesCancelled()
        {
            // Throttle 1 behind a slow appliance: "a" is cancelled while its job is followed, "b" and "c" before their turn.
            Sim["a"].Faults.UpgradeDurationFactor = 1000;
            var source = UpgradeSource.FromImage(ExtraHop.Firmware.FirmwareImageFile.Inspect(Temp.Image("9.9.2.1234")), null);
            var targets = new[] { "a", "b", "c" }.Select(name => new UpgradeTarget(Connect(Sim[name]), source)).ToList();
            DeploymentPlan plan = await DeploymentPlanner.PlanAsync(targets, new PlanOptions(), CancellationToken.None);
            var observer = new RecordingObserver();
            using var cancel = new CancellationTokenSource();

            Task<DeploymentOutcome> run = DeploymentRunner.RunAsync(plan, new UpgradeRunOptions { ThrottleLimit = 1, PollInterval = TimeSpan.FromMilliseconds(50) }, observer, cancel.Token);
            await WaitUntil(() => Sim.RequestLog.Any(e => e.Appliance == "a" && e.Path.StartsWith("/api/v1/jobs/", StringComparison.Ordinal)));
            cancel.Cancel();
            DeploymentOutcome outcome = await run.WaitAsync(TimeSpan.FromSeconds(5));

            string all = string.Join("\n", outcome.Results.Select(r => $"{r.Server} {r.Status} {r.Error}"));
            Assert.True(outcome.Results.Count == 3, all);
            Assert.True(outcome.Results.All(r => r.Status == UpgradeStatus.Cancelled), all);
            Assert.True(outcome.Results.Single(r => r.Server == Sim["a"].Server).Error!.Contains("Wait-EHJob -Id"), all);
            Assert.True(new[] { "b", "c" }.All(name => outcome.Results.Single(r => r.Server == Sim[name].Server).Error!.Contains("before its turn")), all);
            Assert.Equal(3, observer.Finished.Count);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Appliance != "a" && e.Method == "POST");
        }

        private ExtraHopSession Connect(SimulatedAppliance appliance) =>
            ApplianceConnector.ConnectAsync(
                new ConnectRequest(appliance.Server, new ConnectionSettings { Tls = TlsPolicy.Pin(Sim.CertificateSha256) }) { ApiKey = Simulators.Secure(appliance.ApiKey) },
                CancellationToken.None).GetAwaiter().GetResult();

        private static async Task WaitUntil(Func<bool> condition)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("the condition never came true");
                await Task.Delay(20);
            }
        }

        private sealed class RecordingObserver : IUpgradeObserver
        {
            public ConcurrentBag<FirmwareUpgradeResult> Finished { get; } = new ConcurrentBag<FirmwareUpgradeResult>();

            public void Progress(UpgradePlanEntry appliance, string status, int percentComplete)
            {
            }

            void IUpgradeObserver.Finished(FirmwareUpgradeResult result) => Finished.Add(result);

            public void Note(string message)
            {
            }

            public void Warn(string message)
            {
            }
        }
    }
}
