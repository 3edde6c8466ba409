using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// How a cmdlet's work meets the pipeline thread (ExtraHopCmdlet.Run): verbose lines from the client arrive when
    /// verbose output is wanted and cost nothing otherwise, and a host's SynchronizationContext on the pipeline thread
    /// never receives the work's continuations (the thread is blocked waiting for them).
    /// </summary>
    public sealed class PipelineThreadTests : SimulatorTest
    {
        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"]);
        }

        [Fact]
        public void ClientTraceLinesComeWithVerboseOrTheVerbosePreferenceOnly()
        {
            static bool Traced(PsResult r) => r.Verbose.Any(l => l.Contains(": GET /users -> 200", StringComparison.Ordinal));

            Assert.True(Traced(Shell.Invoke("Get-EHUser -Verbose").AssertNoErrors()));
            Assert.True(Traced(Shell.Invoke("$VerbosePreference = 'Continue'; Invoke-EHRestMethod GET users").AssertNoErrors()));
            Assert.False(Traced(Shell.Invoke("$VerbosePreference = 'Continue'; Get-EHUser -Verbose:$false").AssertNoErrors()));
            Assert.Empty(Shell.Invoke("$VerbosePreference = 'SilentlyContinue'; Get-EHUser; Invoke-EHRestMethod GET users").AssertNoErrors().Verbose);
        }

        [Fact]
        public void AHostContextOnThePipelineThreadReceivesNothingAndIsKept()
        {
            var context = new RecordingContext();
            Shell.SetVariable("hostContext", context);

            PsResult result = Shell.Invoke(@"
                [System.Threading.SynchronizationContext]::SetSynchronizationContext($hostContext)
                Get-EHUser admin
                Invoke-EHRestMethod GET extrahop/version
                [object]::ReferenceEquals([System.Threading.SynchronizationContext]::Current, $hostContext)
                [System.Threading.SynchronizationContext]::SetSynchronizationContext($null)").AssertNoErrors();

            Assert.Equal("admin", result.Single<ExtraHopUser>().Username);
            Assert.Equal(true, result.Output.Last().BaseObject);
            Assert.Equal(0, context.Posts);
        }

        /// <summary>Counts what is posted to it, and runs it elsewhere so a regression shows as a count, not a hang.</summary>
        private sealed class RecordingContext : SynchronizationContext
        {
            private int posts;

            public int Posts => Volatile.Read(ref posts);

            public override void Post(SendOrPostCallback callback, object? state)
            {
                Interlocked.Increment(ref posts);
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }

            public override void Send(SendOrPostCallback callback, object? state) => Post(callback, state);
        }
    }
}
