using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>Invoke-EHRestMethod against the simulator's users, devices, tags, support packs and firmware jobs.</summary>
    public sealed class RestMethodTests : SimulatorTest
    {
        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"), Simulators.Sensor("eh2"));
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.Connect(Sim, Sim["eh2"], "-NotDefault");
            Sim.ResetStatistics();
        }

        private string[] Requests() => Sim.RequestLog.Select(e => $"{e.Appliance} {e.Method} {e.Path} {e.StatusCode}").ToArray();

        [Fact]
        public void JsonComesBackAsPowerShellObjectsWithTheirFieldsInOrder()
        {
            PsResult result = Shell.Invoke("Invoke-EHRestMethod GET users").AssertNoErrors();

            Assert.Equal(4, result.Output.Count);
            PSObject admin = result.Output.Single(o => (string)o.Properties["username"].Value == "admin");
            Assert.IsType<PSCustomObject>(admin.BaseObject);
            Assert.Equal(new[] { "id", "username", "name", "type", "enabled", "granted_roles", "effective_roles", "creation_date", "last_login_time" }, admin.Properties.Select(p => p.Name));
            Assert.Equal(2L, admin.Properties["id"].Value);
            Assert.Equal(true, admin.Properties["enabled"].Value);
            Assert.Equal("full", ((PSObject)admin.Properties["granted_roles"].Value).Properties["system"].Value);
            Assert.IsType<long>(admin.Properties["last_login_time"].Value);
        }

        [Fact]
        public void DevicesPageWithQueryParameters()
        {
            PsResult result = Shell.Invoke(@"
                Invoke-EHRestMethod GET devices -Query @{ limit = 100; offset = 200; search_type = 'any' }
                Invoke-EHRestMethod GET devices -Query @{ search_type = 'ip address'; value = '10.0.0.8' }").AssertNoErrors();

            Assert.Equal(51, result.Output.Count);
            Assert.Equal(10201L, result.Output[0].Properties["id"].Value);
            Assert.Equal("10.0.0.8", result.Output[50].Properties["ipaddr4"].Value);
            Assert.Contains(Sim.RequestLog, e => e.Path.Contains("search_type=ip%20address", StringComparison.Ordinal) && e.Path.Contains("value=10.0.0.8", StringComparison.Ordinal));
        }

        [Fact]
        public void APostThatCreatesReturnsTheIdFromItsLocationAndTheIdWorksInTheNextCall()
        {
            PsResult result = Shell.Invoke(@"
                $id = Invoke-EHRestMethod POST tags -Body @{ name = 'pci' }
                $id
                Invoke-EHRestMethod POST ""tags/$id/devices"" -Body @{ assign = @(10001, 10002) }
                Invoke-EHRestMethod PATCH ""tags/$id"" -Body '{""name"": ""pci-dss""}'
                Invoke-EHRestMethod GET ""tags/$id""
                (Invoke-EHRestMethod GET ""tags/$id/devices"").id").AssertNoErrors();

            Assert.Equal(1L, result.Output[0].BaseObject);
            Assert.Equal("pci-dss", result.Output[1].Properties["name"].Value);
            Assert.Equal(new object[] { 10001L, 10002L }, result.Output.Skip(2).Select(o => o.BaseObject));
            Assert.Equal("{\"assign\":[10001,10002]}", Sim.RequestLog.Single(e => e.Path == "/api/v1/tags/1/devices" && e.Method == "POST").Body);
        }

        [Fact]
        public void PathsOutsideTheApiAreRefusedAndNothingIsSent()
        {
            PsResult result = Shell.Invoke(@"
                '../oauth2/token', 'devices/../../extrahop', '%2e%2e/x', 'https://evil.example.com/api/v1/users', '//evil.example.com/x', 'api/v2/users' |
                    ForEach-Object { Invoke-EHRestMethod GET $_ }");

            Assert.Equal(6, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("ExtraHop.InvalidApiPath,", e.FullyQualifiedErrorId));
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void ABodyThatCannotBeSentIsRefusedAndNothingIsSent()
        {
            Shell.SetVariable("secret", Simulators.Secure("s3cret"));
            PsResult result = Shell.Invoke(@"
                $loop = @{}; $loop.self = $loop
                Invoke-EHRestMethod POST tags -Body $loop
                Invoke-EHRestMethod POST tags -Body ([System.IO.DirectoryInfo]::new('/'))
                Invoke-EHRestMethod POST tags -Body @{ name = { 'a script block' } }
                Invoke-EHRestMethod POST tags -Body @{ password = $secret }
                Invoke-EHRestMethod POST tags -Body @{ ratio = [double]::NaN }
                Invoke-EHRestMethod POST tags -Body @{ name = 'x' } -ContentType 'text/plain'
                Invoke-EHRestMethod GET tags -Body @{ name = 'x' }
                Invoke-EHRestMethod TRACE tags
                Invoke-EHRestMethod 'G ET' tags");

            Assert.Equal(
                new[] { "InvalidBody", "InvalidBody", "InvalidBody", "InvalidBody", "InvalidBody", "InvalidBody", "InvalidArgument", "InvalidArgument", "InvalidArgument" },
                result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0].Replace("ExtraHop.", string.Empty)));
            Assert.Contains("nested more than 64 levels", result.Errors[0].Exception.Message);
            Assert.Contains("System.IO.DirectoryInfo cannot be sent as JSON", result.Errors[1].Exception.Message);
            Assert.Contains("clear text", result.Errors[3].Exception.Message);
            Assert.DoesNotContain("s3cret", result.AllText());
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void OutFileSavesABinaryAnswerByteForByteAndAFailedOneLeavesNoFile()
        {
            string saved = System.IO.Path.Combine(Temp.Path, "pack.expk");
            string missing = System.IO.Path.Combine(Temp.Path, "missing.expk");
            PsResult result = Shell.Invoke("Invoke-EHRestMethod GET supportpacks/diagnostics-default.expk -OutFile $args[0]; Invoke-EHRestMethod GET supportpacks/nothing.expk -OutFile $args[1]", saved, missing);

            Assert.Empty(result.Output);
            Assert.Equal(Enumerable.Range(0, 70_000).Select(i => (byte)(i % 256)), File.ReadAllBytes(saved));
            Assert.StartsWith("ExtraHop.NotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.False(File.Exists(missing));
        }

        [Fact]
        public void A202ReturnsTheJobAndWaitFollowsItThroughTheReboot()
        {
            string image = Temp.Image("9.9.2.1234");
            PsResult started = Shell.Invoke("Send-EHFirmware -Path $args[0] -Confirm:$false | Out-Null; Invoke-EHRestMethod POST extrahop/firmware/latest/upgrade", image).AssertNoErrors();
            ExtraHopJob pending = started.Single<ExtraHopJob>();
            Assert.Equal(Sim["eh1"].Server, pending.Server);
            Assert.StartsWith("/api/v1/jobs/", pending.Location);

            PsResult waited = Shell.Invoke("Send-EHFirmware -Path $args[0] -Confirm:$false -Session $args[1] | Out-Null; Invoke-EHRestMethod POST extrahop/firmware/latest/upgrade -Session $args[1] -Wait -PollIntervalSec 0.1 -WaitTimeoutSec 600", image, Sim["eh2"].Server).AssertNoErrors();
            ExtraHopJob final = waited.Single<ExtraHopJob>();
            Assert.Equal("DONE", final.Status);
            Assert.Equal("9.9.2.1234", Sim["eh2"].CurrentVersion);
        }

        [Fact]
        public void ErrorsAreMappedAndAPostIsNeverSentTwiceWhileAGetIsRetried()
        {
            Sim["eh1"].Faults.FailRequests(1, 503, "/api/v1/tags");
            PsResult post = Shell.Invoke("Invoke-EHRestMethod POST tags -Body @{ name = 'once' }; Invoke-EHRestMethod GET users/nobody");

            Assert.Equal(new[] { "ExtraHop.ServerError", "ExtraHop.NotFound" }, post.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Single(Sim.RequestLog, e => e.Method == "POST");

            Sim["eh1"].Faults.FailRequests(1, 503, "/api/v1/devices");
            Assert.Equal(250, Shell.Invoke("Invoke-EHRestMethod GET devices").AssertNoErrors().Output.Count);
            Assert.Equal(new[] { 503, 200 }, Sim.RequestLog.Where(e => e.Path == "/api/v1/devices").Select(e => e.StatusCode));
        }

        [Fact]
        public void ChangesHonourWhatIfAndTheBodyIsNeverShown()
        {
            PsResult result = Shell.Invoke(@"
                $DebugPreference = 'Continue'
                Invoke-EHRestMethod POST tags -Body @{ name = 'whatif' } -WhatIf
                Invoke-EHRestMethod POST users -Body @{ username = 'raw'; name = 'Raw'; password = 'Pa55-in-a-body' } -Verbose").AssertNoErrors();

            Assert.Contains(Shell.Host.TestUI.Written, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("POST /api/v1/tags"));
            Assert.Equal(new[] { "eh1 POST /api/v1/users 201" }, Requests());
            Assert.Contains(result.Verbose, l => l.Contains("not shown", StringComparison.Ordinal));
            Assert.DoesNotContain("Pa55-in-a-body", result.AllText());
            Assert.DoesNotContain("Pa55-in-a-body", string.Join("\n", Sim.RequestLog.Select(e => e.ToString())));
        }

        [Fact]
        public void AUserWhoMayOnlyReadCanListTagsButNotCreateThem()
        {
            Shell.ConnectLimited(Sim, Sim["eh1"]);
            PsResult result = Shell.Invoke(@"
                @(Invoke-EHRestMethod GET tags -Session $limited).Count
                Invoke-EHRestMethod POST tags -Body @{ name = 'nope' } -Session $limited");

            Assert.Equal(0, result.Output.Single().BaseObject);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.PermissionDenied,", error.FullyQualifiedErrorId);
            Assert.Contains("write: full", error.Exception.Message);
        }

        [Fact]
        public void SessionsCanBePipedAndAGetGoesToEachOfThem()
        {
            PsResult result = Shell.Invoke("Get-EHSession | Invoke-EHRestMethod GET extrahop/version").AssertNoErrors();

            Assert.Equal(2, result.Output.Count);
            Assert.Equal(new[] { "eh1 GET /api/v1/extrahop/version 200", "eh2 GET /api/v1/extrahop/version 200" }, Requests().OrderBy(r => r));
        }
    }
}
