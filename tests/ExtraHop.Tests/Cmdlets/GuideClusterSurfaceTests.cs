using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;
using SimNodeKind = ExtraHop.Simulator.RecordstoreNodeKind;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Recordstores that serve only what the REST API guide documents about ingest (the PATCH, no GET of
    /// /extrahop/cluster): ingest is still halted before an upgrade and enabled after it, as the guide says, and
    /// Set-EHClusterIngest still changes it, warning that the earlier state is unknown. A sensor, which has no
    /// ingest, is told apart by its role and never sent the change.
    /// </summary>
    public sealed class GuideClusterSurfaceTests : SimulatorTest
    {
        private const string To = "9.9.2.1234";

        public override async Task InitializeAsync()
        {
            ApplianceOptions GuideOnly(string name, SimNodeKind kind, int status)
            {
                ApplianceOptions options = Simulators.Recordstore(name, "rsc1", kind);
                options.ClusterGetStatus = status;
                return options;
            }
            Sim = await Simulators.StartAsync(GuideOnly("rs1", SimNodeKind.Manager, 405), GuideOnly("rs2", SimNodeKind.Data, 404), Simulators.Sensor("eh1"));
            foreach (string name in new[] { "rs1", "rs2", "eh1" }) Shell.SetVariable(name, Shell.Connect(Sim, Sim[name], "-NotDefault"));
            Sim.ResetStatistics();
        }

        private bool ClusterIngest => Sim["rs1"].IngestEnabled;

        [Fact]
        public void AnUpgradeHaltsIngestBeforeAndEnablesItAfterAsTheGuideSays()
        {
            PsResult result = Shell.Invoke($"Invoke-EHFirmwareUpgrade -Session $rs1, $rs2 -Version {To} -ManagerNode '{Sim["rs1"].Server}' -Force -PollIntervalSec 0.05").AssertNoErrors();

            var results = result.Objects<FirmwareUpgradeResult>().ToList();
            Assert.Equal(2, results.Count);
            Assert.All(results, r => Assert.Equal(UpgradeStatus.Succeeded, r.Status));
            Assert.All(results, r => Assert.Contains("as the REST API guide says", r.IngestAction));
            Assert.True(ClusterIngest);
            DateTimeOffset halted = Sim.Events.Single(e => e.Kind == SimulatorEventKind.IngestChanged && e.Detail.EndsWith("enabled=false", StringComparison.Ordinal)).Time;
            DateTimeOffset enabled = Sim.Events.Single(e => e.Kind == SimulatorEventKind.IngestChanged && e.Detail.EndsWith("enabled=true", StringComparison.Ordinal)).Time;
            Assert.True(halted <= Sim.Events.Where(e => e.Kind == SimulatorEventKind.JobStarted).Min(e => e.Time));
            Assert.True(enabled >= Sim.Events.Where(e => e.Kind == SimulatorEventKind.JobFinished).Max(e => e.Time));
        }

        [Fact]
        public void ThePlanSaysTheGuidesProcedureIsFollowed()
        {
            UpgradePlan plan = Shell.Invoke($"Get-EHUpgradePlan -Session $rs1, $rs2 -Version {To} -ManagerNode '{Sim["rs1"].Server}'").AssertNoErrors().Single<UpgradePlan>();

            Assert.True(plan.IsValid);
            Assert.Contains("REST API guide", plan.Rules.Single(r => r.Rule == "RecordstoreIngestReadable").Detail);
            UpgradeStep halt = plan.Steps.First(s => s.Action == "HaltIngest");
            Assert.Contains("cannot be read", halt.Description);
            Assert.Contains(plan.Steps, s => s.Action == "ResumeIngest");
        }

        [Fact]
        public void SetEHClusterIngestSendsTheDocumentedChangeAndWarnsThatTheEarlierStateIsUnknown()
        {
            PsResult result = Shell.Invoke("Set-EHClusterIngest -Enabled $false -Session $rs1 -Force -PassThru").AssertNoErrors();

            Assert.False(ClusterIngest);
            Assert.Contains(result.Warnings, w => w.Contains("earlier state is unknown", StringComparison.Ordinal));
            ClusterIngestChange change = result.Single<ClusterIngestChange>();
            Assert.Null(change.Before);
            Assert.False(change.After);
            RequestLogEntry patch = Assert.Single(Sim.RequestLog, e => e.Method == "PATCH");
            Assert.Contains("\"ingest_enabled\":false", patch.Body);
        }

        [Fact]
        public void ASensorHasNoIngestAndIsNeverSentTheChange()
        {
            PsResult set = Shell.Invoke("Set-EHClusterIngest -Enabled $false -Session $eh1 -Force");
            Assert.StartsWith("ExtraHop.ClusterIngestUnsupported,", Assert.Single(set.Errors).FullyQualifiedErrorId);
            Assert.Contains("not a recordstore", set.Errors[0].Exception.Message);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Method == "PATCH");

            PsResult get = Shell.Invoke("Get-EHClusterIngest -Session $rs2");
            ErrorRecord unreadable = Assert.Single(get.Errors);
            Assert.StartsWith("ExtraHop.ClusterIngestUnsupported,", unreadable.FullyQualifiedErrorId);
            Assert.Contains("does not let its record ingest be read", unreadable.Exception.Message);
        }
    }
}
