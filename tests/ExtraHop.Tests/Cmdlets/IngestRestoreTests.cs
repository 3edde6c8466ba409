using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Re-enabling recordstore ingest after an upgrade keeps trying, with growing but capped pauses, for the whole
    /// restore budget (five minutes unless -IngestRestoreTimeoutSec says otherwise), not for a fixed number of attempts.
    /// </summary>
    public sealed class IngestRestoreTests : SimulatorTest
    {
        private const string To = "9.9.2.1234";

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Recordstore("rs1", "rsc1", ExtraHop.Simulator.RecordstoreNodeKind.Manager));
            Shell.Connect(Sim, Sim["rs1"]);
        }

        private int EnableAttempts => Sim.RequestLog.Count(e => e.Method == "PATCH" && e.Body != null && e.Body.Contains("true"));

        [Fact]
        public void IngestRefusedMoreThanSixTimesIsStillReEnabledWithinTheDefaultBudget()
        {
            Sim["rs1"].Faults.FailIngestEnable(7);
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Version {To} -Force -PollIntervalSec 0.05").AssertNoErrors();

            FirmwareUpgradeResult upgraded = result.Single<FirmwareUpgradeResult>();
            Assert.Equal(UpgradeStatus.Succeeded, upgraded.Status);
            Assert.Equal("Halted before the upgrade, re-enabled after it", upgraded.IngestAction);
            Assert.True(Sim["rs1"].IngestEnabled);
            Assert.Equal(8, EnableAttempts);
        }

        [Fact]
        public void RestoringGoesOnUntilTheBudgetIsSpentThenTellsTheUserWhatToRun()
        {
            const int budgetSec = 3;
            Sim["rs1"].Faults.FailIngestEnable(100000);
            var clock = Stopwatch.StartNew();
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Version {To} -Force -PollIntervalSec 0.05 -IngestRestoreTimeoutSec {budgetSec}");
            clock.Stop();

            Assert.Contains(result.AllErrors, e => e.FullyQualifiedErrorId.StartsWith("ExtraHop.IngestNotRestored,", StringComparison.Ordinal));
            Assert.False(Sim["rs1"].IngestEnabled);
            var attempts = Sim.RequestLog.Where(e => e.Method == "PATCH" && e.Body != null && e.Body.Contains("true")).ToList();
            // Pauses grow from 0.1 s and are capped at a tenth of the budget: about a dozen attempts in 3 seconds.
            Assert.True(attempts.Count > 6, $"re-enabling was tried {attempts.Count} times");
            TimeSpan tried = attempts.Last().Time - attempts.First().Time;
            Assert.True(tried >= TimeSpan.FromSeconds(budgetSec - 1), $"attempts spanned only {tried}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        }
    }
}
