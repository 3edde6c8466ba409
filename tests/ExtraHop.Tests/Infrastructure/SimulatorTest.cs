using System.Threading.Tasks;
using ExtraHop.Simulator;
using Xunit;

namespace ExtraHop.Tests.Infrastructure
{
    /// <summary>
    /// What a test of the module against simulated appliances starts with: its own PowerShell runspace (so its own
    /// default session), a simulator the test class starts in <see cref="InitializeAsync"/>, and a scratch folder.
    /// All three are gone after each test.
    /// </summary>
    public abstract class SimulatorTest : IAsyncLifetime
    {
        protected HostedPowerShell Shell { get; } = new HostedPowerShell();
        protected TempFolder Temp { get; } = new TempFolder();
        protected SimulatorHost Sim { get; set; } = null!;

        /// <summary>Starts the appliances the test class needs (and connects, where all its tests want that).</summary>
        public abstract Task InitializeAsync();

        public async Task DisposeAsync()
        {
            Shell.Dispose();
            if (Sim != null) await Sim.DisposeAsync();
            Temp.Dispose();
        }
    }
}
