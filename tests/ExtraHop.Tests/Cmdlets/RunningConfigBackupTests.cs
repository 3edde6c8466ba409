using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>Export-EHRunningConfig: stable, atomic, per-appliance backup files across several appliances.</summary>
    public sealed class RunningConfigBackupTests : SimulatorTest
    {
        private string Backups => Path.Combine(Temp.Path, "backup");

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"), Simulators.Sensor("eh2", "9.9.2.1234"), Simulators.Sensor("eh3"));
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.Connect(Sim, Sim["eh2"], "-NotDefault");
            Shell.Connect(Sim, Sim["eh3"], "-NotDefault");
            Shell.Invoke("$all = Get-EHSession").AssertNoErrors();
            Directory.CreateDirectory(Backups);
            Shell.SetVariable("backups", Backups);
        }

        [Fact]
        public void TwoBackupsOfUnchangedAppliancesAreTheSameBytesWithSortedKeysAndTheFactsBeside()
        {
            var first = Shell.Invoke("Export-EHRunningConfig -Session $all -Directory $backups -ThrottleLimit 2").AssertNoErrors().Objects<RunningConfigBackup>().ToList();
            byte[][] before = new[] { "eh1", "eh2", "eh3" }.Select(n => File.ReadAllBytes(Path.Combine(Backups, n + ".json"))).ToArray();
            var second = Shell.Invoke("Export-EHRunningConfig -Session $all -Directory $backups").AssertNoErrors().Objects<RunningConfigBackup>().ToList();

            Assert.Equal(3, first.Count);
            Assert.All(first, b => Assert.Equal(RunningConfigBackupStatus.Created, b.Status));
            Assert.All(second, b => Assert.Equal(RunningConfigBackupStatus.Unchanged, b.Status));
            Assert.Equal(new[] { "eh1", "eh2", "eh3" }.Select(n => Path.Combine(Backups, n + ".json")), second.Select(b => b.Path).OrderBy(p => p));
            for (int i = 0; i < 3; i++) Assert.Equal(before[i], File.ReadAllBytes(Path.Combine(Backups, $"eh{i + 1}.json")));
            Assert.Equal(3, Directory.GetFiles(Backups, "*.json").Length);   // the .json.meta files beside them do not match

            string text = File.ReadAllText(Path.Combine(Backups, "eh1.json"));
            Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
            Assert.EndsWith("}\n", text, StringComparison.Ordinal);
            int[] order = new[] { "\"auth\"", "\"capture\"", "\"dns\"", "\"network\"", "\"ntp\"", "\"snmp\"" }.Select(k => text.IndexOf("\n  " + k, StringComparison.Ordinal)).ToArray();
            Assert.All(order, position => Assert.True(position > 0));
            Assert.Equal(order.OrderBy(p => p), order);
            Assert.Contains("\"ratio\": 1.50", text, StringComparison.Ordinal);
            Assert.Contains("\"timezone\": \"Europe/Zürich\"", text, StringComparison.Ordinal);
            Assert.Contains("Ldap-eh1-Pa55", text, StringComparison.Ordinal);   // a backup restores secrets too

            using JsonDocument meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(Backups, "eh2.json.meta")));
            Assert.Equal("9.9.2.1234", meta.RootElement.GetProperty("version").GetString());
            Assert.Equal("eh2", meta.RootElement.GetProperty("hostname").GetString());
            Assert.Equal(Sim["eh2"].Server, meta.RootElement.GetProperty("server").GetString());
            Assert.True(DateTimeOffset.TryParse(meta.RootElement.GetProperty("time").GetString(), out _));
            Assert.Equal(64, meta.RootElement.GetProperty("sha256").GetString()!.Length);
        }

        [Fact]
        public void AChangedApplianceIsReportedChangedAndAnEarlierBackupRestoresIt()
        {
            Shell.Invoke("Export-EHRunningConfig -Directory $backups").AssertNoErrors();
            string backup = Path.Combine(Backups, "eh1.json");
            string earlier = Path.Combine(Temp.Path, "eh1-earlier.json");
            File.Copy(backup, earlier);

            PsResult result = Shell.Invoke(@"
                $c = Get-EHRunningConfig; $c.dns.servers = @('10.1.1.1'); $c | Set-EHRunningConfig -Force | Out-Null
                Export-EHRunningConfig -Directory $backups -Session $all[0]
                Set-EHRunningConfig -Path $args[0] -Force -Save", earlier).AssertNoErrors();

            Assert.Equal(RunningConfigBackupStatus.Changed, result.Single<RunningConfigBackup>().Status);
            Assert.Contains("10.1.1.1", File.ReadAllText(backup), StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(Backups, "*.tmp"));
            RunningConfigUpdate restore = result.Single<RunningConfigUpdate>();
            Assert.Equal((2, true, false), (restore.Differences, restore.Replaced, restore.UnsavedChanges));   // servers[0] changed, servers[1] back
            Assert.Equal(File.ReadAllBytes(earlier), File.ReadAllBytes(Path.Combine(Backups, ((RunningConfigBackup)Shell.Invoke("Export-EHRunningConfig -Directory $backups").AssertNoErrors().Output[0].BaseObject).Path)));
        }

        [Fact]
        public void OneApplianceFailingLeavesItsGoodBackupAndTheOthersGoOnEvenUnderStop()
        {
            Shell.Invoke("Export-EHRunningConfig -Session $all -Directory $backups").AssertNoErrors();
            byte[] good = File.ReadAllBytes(Path.Combine(Backups, "eh2.json"));
            Sim["eh2"].Faults.FailRequests(10, 403, "/runningconfig");

            PsResult result = Shell.Invoke("$ErrorActionPreference = 'Stop'; Export-EHRunningConfig -Session $all -Directory $backups");

            Assert.Null(result.Terminating);
            var backups = result.Objects<RunningConfigBackup>().ToDictionary(b => b.Hostname!);
            Assert.Equal(3, backups.Count);
            Assert.Equal(RunningConfigBackupStatus.Failed, backups["eh2"].Status);
            Assert.Contains("403", backups["eh2"].Error, StringComparison.Ordinal);
            Assert.Equal(RunningConfigBackupStatus.Unchanged, backups["eh1"].Status);
            Assert.Equal(RunningConfigBackupStatus.Unchanged, backups["eh3"].Status);
            string warning = Assert.Single(result.Warnings);
            Assert.Contains("[ExtraHop.PermissionDenied", warning, StringComparison.Ordinal);
            Assert.Equal(good, File.ReadAllBytes(Path.Combine(Backups, "eh2.json")));
        }

        [Fact]
        public void AFolderThatDoesNotExistIsRefusedBeforeAnyApplianceIsAsked()
        {
            Sim.ResetStatistics();
            PsResult result = Shell.Invoke("Export-EHRunningConfig -Session $all -Directory $args[0]", Path.Combine(Temp.Path, "no", "such"));

            Assert.StartsWith("ExtraHop.BackupFolderNotFound,", Assert.Single(result.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Empty(result.Output);
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void AFolderNobodyCanWriteInIsRefusedBeforeAnyApplianceIsAsked()
        {
            // Even root cannot create files in /proc; elsewhere the test has no such folder at hand.
            if (!OperatingSystem.IsLinux()) return;
            Sim.ResetStatistics();
            PsResult result = Shell.Invoke("Export-EHRunningConfig -Session $all -Directory /proc");

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith("ExtraHop.BackupFolderNotWritable,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Empty(Sim.RequestLog);
        }
    }
}
