using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>Get-EHFirmware -Available: what the appliance can move to, and a word when that is nothing.</summary>
    public sealed class FirmwareAvailableTests : SimulatorTest
    {
        private ExtraHopSession older = null!;
        private ExtraHopSession newest = null!;

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("older", "9.8.1.1000"), Simulators.Sensor("newest", "9.9.2.1234"));
            older = Shell.Connect(Sim, Sim["older"], "-NotDefault");
            newest = Shell.Connect(Sim, Sim["newest"], "-NotDefault");
        }

        [Fact]
        public void SaysSoWhenNothingNewerIsAvailable()
        {
            PsResult result = Shell.Invoke("Get-EHFirmware -Available -Session $args[0], $args[1]", older, newest).AssertNoErrors();

            Assert.All(result.Objects<FirmwareRelease>(), r => Assert.Equal(older.Server, r.Server));
            string said = Assert.Single(result.Information);
            Assert.StartsWith(newest.Server + ":", said, System.StringComparison.Ordinal);
            Assert.Contains("no newer firmware", said, System.StringComparison.Ordinal);
        }

        [Fact]
        public void TheCurrentReleaseIsTheOneTheApplianceRuns()
        {
            var releases = Shell.Invoke("Get-EHFirmware -Available -Session $args[0]", older).AssertNoErrors().Objects<FirmwareRelease>().ToList();

            Assert.Equal(new[] { "9.9", "9.8" }, releases.Select(r => r.Release));
            Assert.Equal(new bool?[] { false, true }, releases.Select(r => r.CurrentRelease));
        }
    }
}
