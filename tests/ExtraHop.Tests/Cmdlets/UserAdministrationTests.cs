using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>New-EHUser, Set-EHUser and Remove-EHUser against two simulated appliances; eh1 is the default session.</summary>
    public sealed class UserAdministrationTests : SimulatorTest
    {
        private const string Password = "Correct-Horse-42";

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"), Simulators.Sensor("eh2"));
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.Connect(Sim, Sim["eh2"], "-NotDefault");
            Shell.SetVariable("pw", Simulators.Secure(Password));
            Shell.Invoke("$all = Get-EHSession").AssertNoErrors();
            Sim.ResetStatistics();
        }

        private string[] Changes() => Sim.RequestLog.Where(e => e.Method != "GET").Select(e => $"{e.Appliance} {e.Method} {e.Path}").ToArray();

        [Fact]
        public void NewUserCreatesALocalAccountWithPrivilegesAndReturnsItAsTheApplianceShowsIt()
        {
            ExtraHopUser user = Shell.Invoke("New-EHUser -Username jdoe -Name 'Jane Doe' -Password $pw -Privilege @{ write = 'limited'; ndr = 'full' }")
                .AssertNoErrors().Single<ExtraHopUser>();

            Assert.Equal(("jdoe", "Jane Doe", "local", (bool?)true), (user.Username, user.Name, user.Type, user.Enabled));
            Assert.Equal("write=limited, ndr=full", user.GrantedPrivileges.ToString());
            Assert.Equal("write=limited, ndr=full", user.EffectivePrivileges.ToString());
            Shell.Invoke("(Get-EHUser jdoe).GrantedPrivileges | Out-Host").AssertNoErrors();
            Assert.Contains(Shell.Host.TestUI.Written, line => line.Contains("limited") && line.Contains("full"));
            Assert.Equal(Sim["eh1"].Server, user.Server);
            Assert.Null(user.NewApiKey);
            Assert.Contains("jdoe", Sim["eh1"].Usernames);
            Assert.DoesNotContain("jdoe", Sim["eh2"].Usernames);

            var post = Sim.RequestLog.Single(e => e.Method == "POST");
            Assert.Contains("\"password\":\"***\"", post.Body);
            Assert.Contains("\"granted_roles\":{\"write\":\"limited\",\"ndr\":\"full\"}", post.Body);
            Assert.DoesNotContain(Password, string.Join("\n", Sim.RequestLog.Select(e => e.ToString())));
        }

        [Fact]
        public void PrivilegesAreTakenAsFamilyEqualsLevelStringsOrAsAnotherUsersRoles()
        {
            var copied = Shell.Invoke(@"
                New-EHUser -Username a1 -Password $pw -Privilege write=LIMITED, npm=full
                New-EHUser -Username a2 -Password $pw -Privilege (Get-EHUser jsmith).GrantedPrivileges
                New-EHUser -Username a3 -Remote").AssertNoErrors().Objects<ExtraHopUser>().ToList();

            Assert.Equal("write=limited, npm=full", copied[0].GrantedPrivileges.ToString());
            Assert.Equal("a1", copied[0].Name);
            Assert.Equal("write=limited, metrics=full, ndr=full, npm=full", copied[1].GrantedPrivileges.ToString());
            Assert.Equal(("remote", ""), (copied[2].Type, copied[2].GrantedPrivileges.ToString()));
            Assert.DoesNotContain("password", Sim.RequestLog.Last(e => e.Method == "POST").Body);
        }

        [Fact]
        public void CreateApiKeyReturnsTheKeyOnceAsASecureStringThatWorks()
        {
            PsResult result = Shell.Invoke(@"
                $DebugPreference = 'Continue'
                $u = New-EHUser -Username svc-backup -Password $pw -Privilege @{ system = 'full' } -CreateApiKey -Verbose
                $u
                $s = Connect-ExtraHop -Server $args[0] -ApiKey $u.NewApiKey -CertificateThumbprint $args[1] -NotDefault -Verbose
                Get-EHUser -Session $s -Name admin", Sim["eh1"].Server, Sim.CertificateSha256).AssertNoErrors();

            ExtraHopUser user = result.Objects<ExtraHopUser>().First();
            Assert.IsType<System.Security.SecureString>(user.NewApiKey);
            string key = new NetworkCredential(string.Empty, user.NewApiKey).Password;
            Assert.Equal(40, key.Length);
            Assert.Equal("admin", result.Objects<ExtraHopUser>().Last().Username);
            Assert.DoesNotContain(key, result.AllText());
            Assert.DoesNotContain(Password, result.AllText());
            Assert.DoesNotContain(Sim.RequestLog, e => e.ToString().Contains(key, StringComparison.Ordinal));
        }

        [Fact]
        public void APlainStringPasswordIsRefusedWithItsOwnErrorIdAndNothingIsSent()
        {
            PsResult result = Shell.Invoke($@"
                New-EHUser -Username jdoe -Password '{Password}'
                Set-EHUser -Username auditor -Password '{Password}'");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("ExtraHop.PlainTextPassword,", e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.Contains("SecureString", e.Exception.Message));
            Assert.DoesNotContain(Password, string.Join("\n", result.Errors.Select(e => e.Exception.Message + e.TargetObject)));
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void AnUnknownPrivilegeFamilyOrLevelIsRefusedBeforeAnythingIsSent()
        {
            PsResult result = Shell.Invoke(@"
                New-EHUser -Username jdoe -Password $pw -Privilege @{ wrte = 'full'; packets = 'everything' } -Session $all
                Set-EHUser -Username auditor -Privilege ndr=admin");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("ExtraHop.InvalidPrivilege,", e.FullyQualifiedErrorId));
            Assert.Contains("'wrte' is not a privilege family", result.Errors[0].Exception.Message);
            Assert.Contains("'everything' is not a level of packets (levels: full, full_with_keys, slices_only)", result.Errors[0].Exception.Message);
            Assert.Contains("'admin' is not a level of ndr", result.Errors[1].Exception.Message);
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void AUserThatExistsIsRefusedAndAUserNameTheApplianceRefusesIsItsBadRequest()
        {
            PsResult result = Shell.Invoke(@"
                New-EHUser -Username ADMIN -Password $pw
                New-EHUser -Username 'jane doe' -Password $pw");

            Assert.Equal(2, result.Errors.Count);
            Assert.StartsWith("ExtraHop.UserExists,", result.Errors[0].FullyQualifiedErrorId);
            Assert.Contains("already has a user 'admin'", result.Errors[0].Exception.Message);
            Assert.StartsWith("ExtraHop.BadRequest,", result.Errors[1].FullyQualifiedErrorId);
            Assert.Contains("Invalid username 'jane doe'", result.Errors[1].ErrorDetails.Message);
            Assert.DoesNotContain("jane doe", Sim["eh1"].Usernames);
            Assert.Equal(new[] { "eh1 POST /api/v1/users" }, Changes());
        }

        [Fact]
        public void SetUserSendsOnlyTheFieldsGivenAndPassThruReturnsTheAccount()
        {
            Shell.Invoke("New-EHUser -Username jdoe -Password $pw -Privilege write=limited").AssertNoErrors();
            Sim.ResetStatistics();

            ExtraHopUser user = Shell.Invoke("Set-EHUser jdoe -Enabled $false -PassThru").AssertNoErrors().Single<ExtraHopUser>();

            Assert.False(user.Enabled);
            Assert.Equal("write=limited", user.GrantedPrivileges.ToString());
            Assert.Equal("{\"enabled\":false}", Sim.RequestLog.Single(e => e.Method == "PATCH").Body);

            Shell.Invoke("Set-EHUser jdoe -Name 'Jane Doe' -Password $pw -Privilege @{ write = 'full'; packets = 'slices_only' }").AssertNoErrors();
            Assert.Equal("{\"name\":\"Jane Doe\",\"granted_roles\":{\"write\":\"full\",\"packets\":\"slices_only\"},\"password\":\"***\"}", Sim.RequestLog.Last(e => e.Method == "PATCH").Body);
        }

        [Fact]
        public void WhatIfShowsEachChangePerApplianceAndChangesNothing()
        {
            PsResult result = Shell.Invoke("Set-EHUser auditor -Enabled $false -Privilege write=full -Password $pw -Session $all -WhatIf").AssertNoErrors();

            var whatIf = Shell.Host.TestUI.Written.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, whatIf.Count);
            Assert.Contains(whatIf, l => l.Contains(Sim["eh1"].Server) && l.Contains("enabled True -> False"));
            Assert.Contains(whatIf, l => l.Contains(Sim["eh2"].Server) && l.Contains("privileges 'write=personal, metrics=restricted, ndr=none, npm=none' -> 'write=full'"));
            Assert.All(whatIf, l => Assert.Contains("password changed", l));
            Assert.Empty(Changes());
            Assert.Empty(result.Output);
        }

        [Fact]
        public void NewAndRemoveWithWhatIfChangeNothingAndSetWithNothingToChangeIsRefused()
        {
            PsResult result = Shell.Invoke(@"
                New-EHUser jdoe -Password $pw -Privilege write=full -CreateApiKey -Session $all -WhatIf
                Remove-EHUser auditor -TransferTo admin -Session $all -WhatIf
                Set-EHUser auditor");

            var whatIf = Shell.Host.TestUI.Written.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
            Assert.Equal(4, whatIf.Count);
            Assert.Contains(whatIf, l => l.Contains("local user 'jdoe' (jdoe), enabled, privileges: write=full, with a new API key"));
            Assert.Contains(whatIf, l => l.Contains("user 'auditor' (Read-only Auditor) on " + Sim["eh2"].Server));
            Assert.Empty(Changes());
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Contains("Nothing to change", error.Exception.Message);
        }

        [Fact]
        public void PipedUsersAreChangedOnTheApplianceTheyCameFrom()
        {
            Shell.Invoke("New-EHUser jdoe -Password $pw -Privilege write=limited -Session $all").AssertNoErrors();
            Sim.ResetStatistics();

            var updated = Shell.Invoke("Get-EHUser jdoe -Session $all | Set-EHUser -Privilege @{ write = 'full' } -PassThru").AssertNoErrors().Objects<ExtraHopUser>().ToList();

            Assert.Equal(new[] { Sim["eh1"].Server, Sim["eh2"].Server }, updated.Select(u => u.Server));
            Assert.All(updated, u => Assert.Equal("full", u.GrantedPrivileges.Write));
            Assert.Equal(new[] { "eh1 PATCH /api/v1/users/jdoe", "eh2 PATCH /api/v1/users/jdoe" }, Changes());
        }

        [Fact]
        public void AChangeThatFailsOnOneApplianceNamesItAndGoesOnWithTheOthers()
        {
            Sim["eh1"].Faults.FailRequests(1, 403, "/api/v1/users/jdoe");

            PsResult result = Shell.Invoke("New-EHUser jdoe -Password $pw -Session $all");

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.PermissionDenied,", error.FullyQualifiedErrorId);
            Assert.Contains(Sim["eh1"].Server, error.Exception.Message);
            Assert.Equal(Sim["eh2"].Server, result.Single<ExtraHopUser>().Server);
            Assert.Equal(new[] { "eh2 POST /api/v1/users" }, Changes());
        }

        [Fact]
        public void RemoveUserGivesWhatItOwnsToTheTransferTarget()
        {
            Shell.Invoke("New-EHUser jdoe -Password $pw -Session $all").AssertNoErrors();
            Sim.ResetStatistics();

            Shell.Invoke("Get-EHUser jdoe -Session $all | Remove-EHUser -TransferTo admin -Force").AssertNoErrors();

            Assert.Equal(new[] { "eh1 DELETE /api/v1/users/jdoe?dest_user=admin", "eh2 DELETE /api/v1/users/jdoe?dest_user=admin" }, Changes());
            Assert.DoesNotContain("jdoe", Sim["eh1"].Usernames);
            Assert.DoesNotContain("jdoe", Sim["eh2"].Usernames);
        }

        [Fact]
        public void RemoveAsksFirstAndNoSendsNothing()
        {
            Shell.Invoke("New-EHUser jdoe -Name 'Jane Doe' -Password $pw").AssertNoErrors();
            Sim.ResetStatistics();
            Shell.Host.TestUI.Answers.Enqueue("No");

            Shell.Invoke("Remove-EHUser jdoe -TransferTo admin").AssertNoErrors();

            string prompt = Assert.Single(Shell.Host.TestUI.Prompts);
            Assert.Contains("user 'jdoe' (Jane Doe) on " + Sim["eh1"].Server, prompt);
            Assert.Contains("go to 'admin'", prompt);
            Assert.Empty(Changes());
        }

        [Fact]
        public void RemoveRefusesTheSetupUserTheSessionsOwnAccountAndBadTransferTargetsBeforeSending()
        {
            Shell.Invoke("New-EHUser jdoe -Password $pw").AssertNoErrors();
            Sim.ResetStatistics();

            PsResult result = Shell.Invoke(@"
                Remove-EHUser setup -Force
                Remove-EHUser admin -Force
                Remove-EHUser jdoe -TransferTo nobody -Force
                Remove-EHUser jdoe -TransferTo JDOE -Force
                Remove-EHUser nobody -Force");

            Assert.Equal(
                new[] { "ExtraHop.ProtectedAccount", "ExtraHop.ProtectedAccount", "ExtraHop.InvalidTransferTarget", "ExtraHop.InvalidTransferTarget", "ExtraHop.NotFound" },
                result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Contains("built-in administrator", result.Errors[0].Exception.Message);
            Assert.Contains("the account this session", result.Errors[1].Exception.Message);
            Assert.Contains("no user 'nobody'", result.Errors[2].Exception.Message);
            Assert.Empty(Changes());
            Assert.Contains("jdoe", Sim["eh1"].Usernames);
        }

        [Fact]
        public void WithoutSystemPrivilegeAUserMayChangeOnlyItsOwnPassword()
        {
            Shell.ConnectLimited(Sim, Sim["eh1"]);
            PsResult result = Shell.Invoke(@"
                Set-EHUser auditor -Password $pw -Session $limited
                New-EHUser jdoe -Password $pw -Session $limited");

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.PermissionDenied,", error.FullyQualifiedErrorId);
            Assert.Equal(new[] { "eh1 PATCH /api/v1/users/auditor" }, Changes().Where(c => !c.Contains("POST /api/v1/users", StringComparison.Ordinal)));
            Assert.Equal(204, Sim.RequestLog.Single(e => e.Method == "PATCH").StatusCode);
        }

        [Fact]
        public void PrivilegeFamiliesAndLevelsTabComplete()
        {
            string[] Complete(string line) =>
                Shell.Invoke("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText }", line)
                    .AssertNoErrors().Output.Select(o => o.ToString()!).ToArray();

            Assert.Equal(new[] { "write=full", "write=limited", "write=personal" }, Complete("New-EHUser jdoe -Remote -Privilege wri"));
            Assert.Equal(new[] { "packets=full_with_keys" }, Complete("Set-EHUser jdoe -Privilege write=full, packets=full_"));
        }
    }
}
