using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// State-changing requests as the cmdlets send them: never twice after a drop unless the appliance shows it did
    /// nothing, and sent again after an answer that says "not now" (429, 503 with Retry-After).
    /// </summary>
    public sealed class RequestSafetyTests : SimulatorTest
    {
        private const string Upload = "/api/v1/extrahop/firmware";
        private const string Upgrade = "/api/v1/extrahop/firmware/latest/upgrade";
        private const string Fast = "-Force -PollIntervalSec 0.05";

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.SetVariable("img", Temp.Image("9.9.2.1234"));
        }

        private async Task<List<string>> ChangesAsync() =>
            (await Sim.SettledRequestLogAsync()).Where(e => e.Method == "POST").Select(e => $"{e.Path} {e.StatusCode}").ToList();

        [Fact]
        public async Task AnUpgradePostDroppedWithoutAnswerIsSentOnceWithRetriesOff()
        {
            Shell.Connect(Sim, Sim["eh1"], "-MaximumRetryCount 0");
            Sim["eh1"].Faults.DropRequests(1, Upgrade);

            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img {Fast}");

            Assert.Equal(new[] { $"{Upload} 201", $"{Upgrade} 0" }, await ChangesAsync());
            Assert.Equal(UpgradeStatus.Failed, result.Single<FirmwareUpgradeResult>().Status);
            Assert.Contains("not sent again", Assert.Single(result.Errors).ToString());
        }

        [Fact]
        public async Task AnUploadAnswered429IsSentAgainFromTheFileAfterRetryAfter()
        {
            Shell.Connect(Sim, Sim["eh1"]);
            Sim["eh1"].Faults.RateLimit(1, 1, Upload);
            var clock = Stopwatch.StartNew();

            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img {Fast}").AssertNoErrors();

            Assert.Equal(UpgradeStatus.Succeeded, result.Single<FirmwareUpgradeResult>().Status);
            Assert.Equal(new[] { $"{Upload} 429", $"{Upload} 201", $"{Upgrade} 202" }, await ChangesAsync());
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"sent again after {clock.Elapsed}");
            Assert.Equal(new System.IO.FileInfo((string)Shell.GetVariable("img")!).Length, Sim["eh1"].BytesReceivedLastUpload);
        }

        [Theory]
        [InlineData(429)]
        [InlineData(503)]
        public async Task AnUpgradePostAnsweredNotNowWithRetryAfterIsSentAgain(int status)
        {
            Shell.Connect(Sim, Sim["eh1"]);
            if (status == 429) Sim["eh1"].Faults.RateLimit(1, 1, Upgrade);
            else Sim["eh1"].Faults.Unavailable(1, 1, Upgrade);

            Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img {Fast}").AssertNoErrors();

            Assert.Equal(new[] { $"{Upload} 201", $"{Upgrade} {status}", $"{Upgrade} 202" }, await ChangesAsync());
        }

        [Fact]
        public async Task AnUpgradePostAnswered503WithoutRetryAfterIsReportedNotRepeated()
        {
            // A bare 503 (a proxy, a failing service) does not say the request was left alone.
            Shell.Connect(Sim, Sim["eh1"]);
            Sim["eh1"].Faults.FailRequests(1, 503, Upgrade);

            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Path $img {Fast}");

            Assert.Equal(UpgradeStatus.Failed, result.Single<FirmwareUpgradeResult>().Status);
            Assert.Equal(new[] { $"{Upload} 201", $"{Upgrade} 503" }, await ChangesAsync());
        }
    }
}
