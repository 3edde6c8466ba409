using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    public sealed class UserTests : SimulatorTest
    {

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"]);
        }

        [Fact]
        public void ListsTypedUsersWithReadablePrivileges()
        {
            var users = Shell.Invoke("Get-EHUser").AssertNoErrors().Objects<ExtraHopUser>().ToList();
            ExtraHopUser admin = users.Single(u => u.Username == "admin");
            Assert.Equal("full", admin.GrantedPrivileges.System);
            Assert.True(admin.EffectivePrivileges.IsSystemAdministrator);
            Assert.Contains("system=full", admin.GrantedPrivileges.ToString());
            ExtraHopUser auditor = users.Single(u => u.Username == "auditor");
            Assert.Equal("personal", auditor.GrantedPrivileges.Write);
            Assert.False(auditor.EffectivePrivileges.IsSystemAdministrator);
        }

        /// <summary>Select-Object expands `*Priv*` against the object's properties; the privilege sets carry nothing but privileges.</summary>
        [Fact]
        public void PrivilegesAreFoundUnderTheWordUsersSearchFor()
        {
            PsResult found = Shell.Invoke("(Get-EHUser -Name admin).PSObject.Properties.Match('*Priv*') | ForEach-Object { $_.Name }").AssertNoErrors();
            Assert.Equal(new[] { "EffectivePrivileges", "GrantedPrivileges" }, found.Output.Select(o => o.ToString()).OrderBy(n => n));

            PsResult nested = Shell.Invoke("(Get-EHUser -Name admin).EffectivePrivileges.PSObject.Properties | ForEach-Object { $_.Name }").AssertNoErrors();
            Assert.Equal(new[] { "System", "Write", "Metrics", "Ndr", "Npm", "Packets", "Detections", "IsSystemAdministrator" }, nested.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void WildcardsFilterNames()
        {
            var names = Shell.Invoke("Get-EHUser -Name 'adm*','aud*'").AssertNoErrors().Objects<ExtraHopUser>().Select(u => u.Username).OrderBy(n => n);
            Assert.Equal(new[] { "admin", "auditor" }, names);
        }

        [Fact]
        public void UnknownUserIsObjectNotFoundAndThePipelineGoesOn()
        {
            PsResult result = Shell.Invoke("'admin','nobody','auditor' | Get-EHUser");
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
            // The limited key's user (write: personal) may read everything, users included, but change nothing.
            Shell.SetVariable("limited", Simulators.Secure(Sim["eh1"].LimitedApiKey));
            PsResult result = Shell.Invoke(
                $"$s = Connect-ExtraHop -Server '{Sim["eh1"].Server}' -ApiKey $limited -CertificateThumbprint '{Sim.CertificateSha256}' -NotDefault; Get-EHSystem -Session $s; Get-EHUser -Session $s; Send-EHFirmware -Path $args[0] -Session $s -Confirm:$false",
                Temp.Image("9.9.1.1100"));
            Assert.Single(result.Objects<ExtraHopSystem>());
            Assert.Contains(result.Objects<ExtraHopUser>(), u => u.Username == "auditor");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.StartsWith("ExtraHop.PermissionDenied,", error.FullyQualifiedErrorId);
            Assert.NotNull(((ExtraHopApiException)error.Exception).ApplianceMessage);
        }
    }
}
