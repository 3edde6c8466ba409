using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>Get-EHApiKey: what each session may see, always masked.</summary>
    public sealed class ApiKeyTests : SimulatorTest
    {
        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"]);
        }

        [Fact]
        public void AnAdministratorSeesEveryKeyButOnlyItsLastFourCharacters()
        {
            PsResult result = Shell.Invoke("Get-EHApiKey; Get-EHApiKey -User auditor; Get-EHApiKey -Id 1; Get-EHUser admin | Get-EHApiKey").AssertNoErrors();

            var keys = result.Objects<ExtraHopApiKey>().ToList();
            Assert.Equal(new[] { "admin", "auditor", "auditor", "admin", "admin" }, keys.Select(k => k.Username));
            Assert.Equal(new long?[] { 1, 2, 2, 1, 1 }, keys.Select(k => k.Id));
            Assert.Equal(new string('*', 36) + Sim["eh1"].ApiKey[^4..], keys[0].Key);
            Assert.Equal(new string('*', 36) + Sim["eh1"].LimitedApiKey[^4..], keys[1].Key);
            Assert.Equal("Simulator administrator key", keys[0].Description);
            Assert.NotNull(keys[0].TimeAdded);
            Assert.All(keys, k => Assert.Equal(Sim["eh1"].Server, k.Server));
            Assert.DoesNotContain(Sim["eh1"].ApiKey, result.AllText());
            Assert.DoesNotContain(Sim["eh1"].LimitedApiKey, result.AllText());
        }

        [Fact]
        public void AUserWithoutSystemPrivilegeSeesOnlyItsOwnKeys()
        {
            Shell.ConnectLimited(Sim, Sim["eh1"]);
            PsResult result = Shell.Invoke(@"
                Get-EHApiKey -Session $limited
                Get-EHApiKey -Id 1 -Session $limited
                Get-EHApiKey -User admin -Session $limited");

            ExtraHopApiKey own = result.Single<ExtraHopApiKey>();
            Assert.Equal(("auditor", 2L), (own.Username, own.Id!.Value));
            Assert.Equal(new[] { "ExtraHop.NotFound", "ExtraHop.PermissionDenied" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.DoesNotContain(Sim["eh1"].LimitedApiKey, result.AllText());
        }

        [Fact]
        public void WithoutApiKeysIdTheOlderPerUserPathIsTheFallback()
        {
            Sim["eh1"].Faults.FailRequests(1, 404, "/api/v1/apikeys/2");

            ExtraHopApiKey key = Shell.Invoke("Get-EHApiKey -Id 2 -User auditor").AssertNoErrors().Single<ExtraHopApiKey>();

            Assert.Equal("auditor", key.Username);
            Assert.Equal(new[] { "/api/v1/apikeys/2 404", "/api/v1/users/auditor/apikeys/2 200" }, Sim.RequestLog.Where(e => e.Path.Contains("apikeys", StringComparison.Ordinal)).Select(e => $"{e.Path} {e.StatusCode}"));
        }

        [Fact]
        public void IdWithMoreThanOneOwnerIsRefusedBeforeAsking()
        {
            ErrorRecord error = Assert.Single(Shell.Invoke("Get-EHApiKey -Id 1 -User admin, auditor").Errors);

            Assert.StartsWith("ExtraHop.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Path.Contains("apikeys", StringComparison.Ordinal));
        }

        [Fact]
        public void AnUnknownKeyIsNotFoundAndTheOthersStillCome()
        {
            PsResult result = Shell.Invoke("Get-EHApiKey -Id 99, 1");

            Assert.Equal("admin", result.Single<ExtraHopApiKey>().Username);
            Assert.StartsWith("ExtraHop.NotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }
    }
}
