using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Module
{
    /// <summary>
    /// The default views as a log file, a scheduled task's transcript or an 80-column console prints them: what a
    /// reader needs (above all, why an appliance failed) must be on the page, not dropped or cut by the table.
    /// </summary>
    public sealed class NarrowViewTests : SimulatorTest
    {
        private const string LongError =
            "The upgrade job failed at step 3 of 5 (Installing firmware): the appliance reports that /boot is full; free space and upgrade again.";

        public override async Task InitializeAsync() =>
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"), Simulators.Sensor("eh2", "9.9.2.1234"));

        [Theory]
        [InlineData(80)]
        [InlineData(130)]
        public void UpgradeResultsShowStatusAndTheWholeReason(int width)
        {
            var results = new[]
            {
                new FirmwareUpgradeResult { Server = "console01.corp.example.com", Role = ApplianceRole.Console, Status = UpgradeStatus.Succeeded, FromVersion = "9.8.1.1000", ToVersion = "9.9.2.1234", Duration = TimeSpan.FromMinutes(21) },
                new FirmwareUpgradeResult { Server = "recordstore-data-02.east.example.com", Role = ApplianceRole.Recordstore, Status = UpgradeStatus.Failed, FromVersion = "9.8.1.1000", Error = LongError, IngestAction = "halted, then re-enabled" },
                new FirmwareUpgradeResult { Server = "eh3", Role = ApplianceRole.Packetstore, Status = UpgradeStatus.Skipped, FromVersion = "9.8.1.1000", Error = "Not started: an earlier stage failed." },
            };

            IReadOnlyList<string> lines = Shell.Render(width, results);

            Assert.All(lines, line => Assert.True(line.Length <= width, $"'{line}' is wider than {width} columns"));
            Assert.Contains(lines, line => line.StartsWith("recordstore-data-02", StringComparison.Ordinal) && line.Contains("Failed"));
            Assert.Contains(lines, line => line.StartsWith("eh3", StringComparison.Ordinal) && line.Contains("Skipped"));
            string reasons = ColumnText(lines, "Detail");
            Assert.Contains(Squeezed(LongError), reasons);
            Assert.Contains(Squeezed("halted, then re-enabled"), reasons);
            Assert.Contains(Squeezed("Not started: an earlier stage failed."), reasons);
        }

        [Fact]
        public void SystemsAreOneTableRowEach()
        {
            ExtraHopSession eh1 = Shell.Connect(Sim, Sim["eh1"]);
            ExtraHopSession eh2 = Shell.Connect(Sim, Sim["eh2"]);
            var systems = Shell.Invoke("Get-EHSystem -Session $args[0], $args[1]", eh1, eh2).AssertNoErrors().Objects<ExtraHopSystem>().ToList();

            IReadOnlyList<string> lines = Shell.Render(80, systems).Where(line => line.Length > 0).ToList();

            Assert.Equal(new[] { "Server", "Hostname", "Role", "Version", "Edition" }, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(4, lines.Count);   // header, underline, one row per appliance
            Assert.StartsWith(eh1.Server, lines[2], StringComparison.Ordinal);
            Assert.Contains("9.9.2.1234", lines[3]);
        }

        /// <summary>Everything printed under a column, top to bottom, without the spaces wrapping put in or took out.</summary>
        private static string ColumnText(IReadOnlyList<string> lines, string label)
        {
            int header = lines.ToList().FindIndex(line => line.Contains(label, StringComparison.Ordinal));
            Assert.True(header >= 0, $"no {label} column in:\n{string.Join("\n", lines)}");
            int start = lines[header].IndexOf(label, StringComparison.Ordinal);
            return Squeezed(string.Concat(lines.Skip(header + 2).Select(line => line.Length > start ? line.Substring(start) : string.Empty)));
        }

        private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }
}
