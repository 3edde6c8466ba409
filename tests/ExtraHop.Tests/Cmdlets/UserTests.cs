using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    public sealed class UserTests : IAsyncLifetime
    {
        private SimulatorHost sim = null!;
        private readonly HostedPowerShell shell = new HostedPowerShell();

        public async Task InitializeAsync()
        {
            sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            shell.Connect(sim, sim["eh1"]);
        }

        public async Task DisposeAsync()
        {
            shell.Dispose();
            await sim.DisposeAsync();
        }

        [Fact]
        public void ListsTypedUsersWithReadableRoles()
        {
            var users = shell.Invoke("Get-EHUser").AssertNoErrors().Objects<ExtraHopUser>().ToList();
            ExtraHopUser admin = users.Single(u => u.Username == "admin");
            Assert.Equal("full", admin.GrantedRoles.System);
            Assert.True(admin.EffectiveRoles.IsSystemAdministrator);
            Assert.Contains("system=full", admin.GrantedRoles.ToString());
            ExtraHopUser auditor = users.Single(u => u.Username == "auditor");
            Assert.Equal("personal", auditor.GrantedRoles.Write);
            Assert.False(auditor.EffectiveRoles.IsSystemAdministrator);
        }

        [Fact]
        public void WildcardsFilterNames()
        {
            var names = shell.Invoke("Get-EHUser -Name 'adm*','aud*'").AssertNoErrors().Objects<ExtraHopUser>().Select(u => u.Username).OrderBy(n => n);
            Assert.Equal(new[] { "admin", "auditor" }, names);
        }

        [Fact]
        public void UnknownUserIsObjectNotFoundAndThePipelineGoesOn()
        {
            PsResult result = shell.Invoke("'admin','nobody','auditor' | Get-EHUser");
            Assert.Equal(new[] { "admin", "auditor" }, result.Objects<ExtraHopUser>().Select(u => u.Username));
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.StartsWith("ExtraHop.NotFound,", error.FullyQualifiedErrorId);
            Assert.Equal("nobody", error.TargetObject);
            Assert.Contains("nobody", error.ErrorDetails.Message);
        }

        [Fact]
        public void TooLittlePrivilegeIsPermissionDenied()
        {
            shell.SetVariable("limited", Simulators.Secure(sim["eh1"].LimitedApiKey));
            PsResult result = shell.Invoke(
                $"$s = Connect-ExtraHop -Server '{sim["eh1"].Server}' -ApiKey $limited -CertificateThumbprint '{sim.CertificateSha256}' -NotDefault; Get-EHSystem -Session $s; Get-EHUser -Session $s");
            Assert.Single(result.Objects<ExtraHopSystem>());
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.StartsWith("ExtraHop.PermissionDenied,", error.FullyQualifiedErrorId);
            Assert.NotNull(((ExtraHopApiException)error.Exception).ApplianceMessage);
        }
    }
}
