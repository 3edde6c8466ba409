using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ApplianceRole = ExtraHop.Models.ApplianceRole;
using FirmwareRelease = ExtraHop.Models.FirmwareRelease;
using SimulatedRole = ExtraHop.Simulator.ApplianceRole;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Connected appliances against a simulated console with one appliance of every kind (ids 1 sensor, 2 IDS sensor,
    /// 3 recordstore, 4 packetstore), a sensor, and 9.0 firmware for the differences the guides name.
    /// </summary>
    public sealed class ApplianceTests : SimulatorTest
    {
        private const string SetupPassword = "remote-setup-Pa55";

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(
                new ApplianceOptions { Name = "eca", Role = SimulatedRole.Console, Version = "9.9.1.1100" },
                Simulators.Sensor("eda", "9.9.1.1100"),
                new ApplianceOptions { Name = "eca90", Role = SimulatedRole.Console, Version = "9.0.1.100" },
                Simulators.Sensor("eda90", "9.0.1.100"));
            Shell.SetVariable("eca", Shell.Connect(Sim, Sim["eca"]));
            Shell.SetVariable("eda", Shell.Connect(Sim, Sim["eda"], "-NotDefault"));
            Shell.SetVariable("eca90", Shell.Connect(Sim, Sim["eca90"], "-NotDefault"));
            Shell.SetVariable("eda90", Shell.Connect(Sim, Sim["eda90"], "-NotDefault"));
            Shell.SetVariable("setup", new PSCredential("setup", Simulators.Secure(SetupPassword)));
        }

        private int RequestsTo(string appliance, string method) => Sim.RequestLog.Count(e => e.Appliance == appliance && e.Method == method);

        [Fact]
        public void AConsoleListsItselfAndEveryKindOfConnectedApplianceTyped()
        {
            var appliances = Shell.Invoke("Get-EHAppliance").AssertNoErrors().Objects<ExtraHopAppliance>().ToList();

            Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, appliances.Select(a => a.Id));
            Assert.True(appliances[0].IsLocal);
            Assert.Equal("eca", appliances[0].Hostname);
            Assert.Equal(new[] { ApplianceRole.Console, ApplianceRole.Sensor, ApplianceRole.Sensor, ApplianceRole.Recordstore, ApplianceRole.Packetstore }, appliances.Select(a => a.Role));
            Assert.Equal(new[] { false, false, true, false, false }, appliances.Select(a => a.IsIdsSensor));
            Assert.All(appliances, a => Assert.Equal(("9.9.1.1100", Sim["eca"].Server), (a.FirmwareVersion, a.Server)));
            Assert.All(appliances.Skip(1), a =>
            {
                Assert.True(a.ManagedByLocal);
                Assert.NotNull(a.AddTime);
                Assert.True(a.AddTime < DateTimeOffset.UtcNow);
            });

            ExtraHopAppliance one = Shell.Invoke("Get-EHAppliance -Id 3").AssertNoErrors().Single<ExtraHopAppliance>();
            Assert.Equal(("eca-recordstore1", ApplianceRole.Recordstore), (one.Hostname, one.Role));
        }

        [Fact]
        public void ASensorListsOnlyItselfAndAnswersIdZeroButRefusesOtherIdsAsConsoleOnly()
        {
            PsResult result = Shell.Invoke("Get-EHAppliance -Session $eda; Get-EHAppliance 0, 1 -Session $eda");

            var appliances = result.Objects<ExtraHopAppliance>().ToList();
            Assert.Equal(2, appliances.Count);
            Assert.All(appliances, a => Assert.Equal((0L, "eda", ApplianceRole.Sensor), (a.Id, a.Hostname, a.Role)));
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.ConsoleOnly,", error.FullyQualifiedErrorId);
            Assert.Contains("only valid on consoles", error.Exception.Message);
        }

        [Fact]
        public void RemovePipedFromGetGoesBackToTheConsoleItCameFromAndDisconnectsIt()
        {
            // The default session is the console; make the sensor the default so only the piped session can be right.
            Shell.Invoke("Connect-ExtraHop -Server $args[0] -ApiKey $ehTestKey -CertificateThumbprint $args[1] -RetryIntervalSec 0 | Out-Null", Sim["eda"].Server, Sim.CertificateSha256);
            Shell.SetVariable("ehTestKey", Simulators.Secure(Sim["eda"].ApiKey));
            Shell.Invoke($"Connect-ExtraHop -Server '{Sim["eda"].Server}' -ApiKey $ehTestKey -CertificateThumbprint '{Sim.CertificateSha256}' -RetryIntervalSec 0").AssertNoErrors();

            Shell.Invoke("Get-EHAppliance -Session $eca | Where-Object Role -eq 'Packetstore' | Remove-EHAppliance -Force").AssertNoErrors();

            Assert.Single(Sim.RequestLog, e => e.Method == "DELETE" && e.Appliance == "eca" && e.Path.EndsWith("/appliances/4", StringComparison.Ordinal));
            var left = Shell.Invoke("Get-EHAppliance -Session $eca").AssertNoErrors().Objects<ExtraHopAppliance>();
            Assert.Equal(new long[] { 0, 1, 2, 3 }, left.Select(a => a.Id));
        }

        [Fact]
        public void RemoveWhatIfAndBadIdsSendNoDelete()
        {
            PsResult result = Shell.Invoke("Remove-EHAppliance 1 -WhatIf; Remove-EHAppliance 99 -Force; Remove-EHAppliance 0 -Force");

            Assert.Contains(Shell.Host.TestUI.Written, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("appliance 1 (eca-sensor1"));
            Assert.Equal(new[] { "ExtraHop.NotFound", "ExtraHop.LocalAppliance" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Equal(0, RequestsTo("eca", "DELETE"));
            Assert.Equal(5, Shell.Invoke("Get-EHAppliance").AssertNoErrors().Objects<ExtraHopAppliance>().Count());
        }

        [Fact]
        public void ConsoleOnlyOperationsOnASensorAreRefusedBeforeAnyRequest()
        {
            Sim.ResetStatistics();
            PsResult result = Shell.Invoke(@"
                Remove-EHAppliance 1 -Force -Session $eda
                Get-EHApplianceProductKey 1 -Session $eda
                Get-EHApplianceAssociation 2 -Session $eda
                Set-EHApplianceAssociation 2 -PacketSensor 1 -Confirm:$false -Session $eda
                Get-EHFirmware -Remote -Session $eda
                Invoke-EHFirmwareUpgrade -Version 9.9.2.1234 -ViaConsole -ApplianceId 1 -Force -Session $eda");

            Assert.Equal(6, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.StartsWith("ExtraHop.ConsoleOnly,", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidOperation, e.CategoryInfo.Category);
                Assert.Contains(Sim["eda"].Server + " is a sensor", e.Exception.Message);
            });
            Assert.DoesNotContain(Sim.RequestLog, e => e.Appliance == "eda" && e.Path.Contains("/appliances", StringComparison.Ordinal));
        }

        [Fact]
        public void AUserWhoMayOnlyReadListsAppliancesButMayNotConnectOrDisconnect()
        {
            Shell.ConnectLimited(Sim, Sim["eca"]);

            PsResult result = Shell.Invoke("Get-EHAppliance -Session $limited; Add-EHAppliance eda8.example.com -Credential $setup -Session $limited; Remove-EHAppliance 1 -Force -Session $limited");

            Assert.Equal(5, result.Objects<ExtraHopAppliance>().Count());
            Assert.Equal(new[] { "ExtraHop.PermissionDenied", "ExtraHop.PermissionDenied" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Equal(5, Shell.Invoke("Get-EHAppliance").AssertNoErrors().Objects<ExtraHopAppliance>().Count());
        }

        [Fact]
        public void AddConnectsWithTheSetupPasswordWhichNeverShowsAndWhatIfSendsNothing()
        {
            PsResult whatIf = Shell.Invoke("Add-EHAppliance exa09.example.com -Type Recordstore -Credential $setup -WhatIf").AssertNoErrors();
            Assert.Empty(whatIf.Output);
            Assert.Equal(0, RequestsTo("eca", "POST"));

            PsResult result = Shell.Invoke("Add-EHAppliance exa09.example.com -Type Recordstore -Credential $setup -Nickname 'Explore 9' -Verbose").AssertNoErrors();

            ExtraHopAppliance added = result.Single<ExtraHopAppliance>();
            Assert.Equal(("exa09.example.com", ApplianceRole.Recordstore, 5L), (added.Hostname, added.Role, added.Id));
            Assert.Equal("Explore 9", added.Name);
            var post = Assert.Single(Sim.RequestLog, e => e.Method == "POST" && e.Appliance == "eca");
            Assert.Contains("\"remote_appliance_type\":\"explore\"", post.Body);
            Assert.DoesNotContain(SetupPassword, post.Body);
            Assert.DoesNotContain(SetupPassword, result.AllText());
            Assert.DoesNotContain(SetupPassword, string.Join("\n", Shell.Host.TestUI.Written));
        }

        [Fact]
        public void AddWithAPairingTokenAndAHostAlreadyConnectedIsAConflict()
        {
            Shell.SetVariable("token", Simulators.Secure("pairing-token-123"));
            PsResult result = Shell.Invoke("Add-EHAppliance eda77.example.com -PairingToken $token; Add-EHAppliance eca-sensor1 -PairingToken $token");

            Assert.Equal("eda77.example.com", result.Single<ExtraHopAppliance>().Hostname);
            Assert.StartsWith("ExtraHop.Conflict,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.All(Sim.RequestLog.Where(e => e.Method == "POST"), e => Assert.DoesNotContain("pairing-token-123", e.Body));
        }

        [Fact]
        public void CloudServicesAreReadOnEveryRoleOn99AndUnenrollWorksThere()
        {
            PsResult result = Shell.Invoke("Get-EHCloudService -Session $eca, $eda; Set-EHCloudService -Unenroll -Force -PassThru -Session $eda").AssertNoErrors();

            var states = result.Objects<ExtraHopCloudService>().ToList();
            Assert.Equal(new bool?[] { true, true, false }, states.Select(s => s.Enrolled));
            Assert.Equal(Sim["eda"].Server, states[2].Server);
            Assert.Contains(Sim.RequestLog, e => e.Method == "POST" && e.Appliance == "eda" && e.Body!.Contains("unenroll"));
        }

        [Fact]
        public void On90FirmwareUnenrollIsNotSupportedAndASensorCannotReadCloudServices()
        {
            PsResult result = Shell.Invoke("Set-EHCloudService -Unenroll -Force -Session $eca90; Get-EHCloudService -Session $eca90, $eda90");

            Assert.True(result.Single<ExtraHopCloudService>().Enrolled);
            Assert.Equal(new[] { "ExtraHop.NotSupportedByFirmware", "ExtraHop.ConsoleOnly" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Contains("came with firmware 9.9", result.Errors[0].Exception.Message);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Appliance == "eda90" && e.Path.Contains("cloudservices", StringComparison.Ordinal));
        }

        [Fact]
        public void SetCloudServiceWhatIfSendsNothing()
        {
            Shell.Invoke("Set-EHCloudService -Unenroll -WhatIf").AssertNoErrors();

            Assert.Equal(0, RequestsTo("eca", "POST"));
            Assert.True(Shell.Invoke("Get-EHCloudService").AssertNoErrors().Single<ExtraHopCloudService>().Enrolled);
        }

        [Fact]
        public void ProductKeysOfConnectedAppliancesComeWithTheirIdAndAnUnknownIdIsNotFound()
        {
            PsResult result = Shell.Invoke("Get-EHAppliance -Id 1, 3 | Get-EHApplianceProductKey; Get-EHApplianceProductKey 42");

            var keys = result.Objects<ExtraHopApplianceProductKey>().ToList();
            Assert.Equal(new long[] { 1, 3 }, keys.Select(k => k.ApplianceId));
            Assert.All(keys, k => Assert.False(string.IsNullOrEmpty(k.ProductKey)));
            Assert.StartsWith("ExtraHop.NotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void AnIdsSensorIsJoinedToAPacketSensorAndWrongKindsAreRefusedUnsent()
        {
            PsResult result = Shell.Invoke(@"
                Get-EHApplianceAssociation 2
                Set-EHApplianceAssociation 2 -PacketSensor 1 -PassThru -Confirm:$false
                Set-EHApplianceAssociation 1 -PacketSensor 3 -Confirm:$false
                Set-EHApplianceAssociation 2 -PacketSensor 3 -Confirm:$false
                Set-EHApplianceAssociation 2 -PacketSensor 99 -Confirm:$false");

            var associations = result.Objects<ExtraHopApplianceAssociation>().ToList();
            Assert.Equal(new long?[] { null, 1 }, associations.Select(a => a.AssociatedSensorId));
            Assert.All(associations, a => Assert.Equal(2, a.IdsSensorId));
            Assert.Equal(new[] { "ExtraHop.NotIdsSensor", "ExtraHop.NotIdsSensor", "ExtraHop.NotFound" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Equal(1, RequestsTo("eca", "POST"));
        }

        [Fact]
        public void AssociationsOn90FirmwareAreNotSupported()
        {
            PsResult result = Shell.Invoke("Get-EHApplianceAssociation 2 -Session $eca90");

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.NotSupportedByFirmware,", error.FullyQualifiedErrorId);
            Assert.Contains("runs 9.0.1.100", error.Exception.Message);
        }

        [Fact]
        public void RemoteFirmwareListsWhatConnectedAppliancesCanTake()
        {
            var releases = Shell.Invoke("Get-EHFirmware -Remote; Get-EHFirmware -Remote -ApplianceId 1").AssertNoErrors().Objects<FirmwareRelease>().ToList();

            Assert.Equal(2, releases.Count);
            Assert.All(releases, r =>
            {
                Assert.Equal("9.9", r.Release);
                Assert.Equal(new[] { "9.9.2.1234" }, r.Versions);
            });
            Assert.Contains(Sim.RequestLog, e => e.Path.Contains("/appliances/firmware/next?ids=1", StringComparison.Ordinal));
        }

        [Fact]
        public void ViaConsoleTheConsoleUpgradesConnectedAppliancesAndItsJobIsFollowedWithRemoteJobs()
        {
            PsResult result = Shell.Invoke("Invoke-EHFirmwareUpgrade -Version 9.9.2.1234 -ViaConsole -ApplianceId 1, 3 -Force -PollIntervalSec 0.05").AssertNoErrors();

            ExtraHopJob job = result.Single<ExtraHopJob>();
            Assert.Equal("DONE", job.Status);
            Assert.Equal(new long?[] { 1, 3 }, job.RemoteJobs.Select(r => r.SystemId));
            Assert.All(job.RemoteJobs, r => Assert.Equal("DONE", r.Status));
            var post = Assert.Single(Sim.RequestLog, e => e.Method == "POST" && e.Path.EndsWith("/appliances/firmware/upgrade", StringComparison.Ordinal));
            Assert.Contains("\"system_ids\":[1,3]", post.Body);
            var versions = Shell.Invoke("Get-EHAppliance").AssertNoErrors().Objects<ExtraHopAppliance>().ToDictionary(a => a.Id, a => a.FirmwareVersion);
            Assert.Equal(("9.9.2.1234", "9.9.2.1234", "9.9.1.1100", "9.9.1.1100"), (versions[1], versions[3], versions[4], versions[0]));
        }

        [Fact]
        public void ARemoteJobThatFailsIsAnErrorNamingTheApplianceWhileTheOthersAreUpgraded()
        {
            Sim["eca"].Faults.FailNextRemoteUpgradeOf(3);

            PsResult result = Shell.Invoke("Invoke-EHFirmwareUpgrade -Version 9.9.2.1234 -ViaConsole -ApplianceId 1, 3 -Force -PollIntervalSec 0.05");

            Assert.Equal("DONE", result.Single<ExtraHopJob>().Status);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.RemoteJobFailed,", error.FullyQualifiedErrorId);
            Assert.Contains("appliance 3: FAILED", error.Exception.Message);
            var versions = Shell.Invoke("Get-EHAppliance").AssertNoErrors().Objects<ExtraHopAppliance>().ToDictionary(a => a.Id, a => a.FirmwareVersion);
            Assert.Equal(("9.9.2.1234", "9.9.1.1100"), (versions[1], versions[3]));
        }

        [Fact]
        public void ViaConsoleWhatIfNoWaitAndBadInput()
        {
            PsResult bad = Shell.Invoke(@"
                Invoke-EHFirmwareUpgrade -Version 9.9.2.1234 -ViaConsole -ApplianceId 1 -WhatIf
                Invoke-EHFirmwareUpgrade -Version 9.9.2.1234 -ViaConsole -ApplianceId 1, 77 -Force
                Invoke-EHFirmwareUpgrade -Version 9.9.2.1234 -ViaConsole -ApplianceId 0 -Force");
            Assert.Equal(new[] { "ExtraHop.NotFound", "ExtraHop.LocalAppliance" }, bad.AllErrors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Contains(Shell.Host.TestUI.Written, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("eca-sensor1"));
            Assert.Equal(0, RequestsTo("eca", "POST"));

            PsResult missing = Shell.Invoke("Invoke-EHFirmwareUpgrade -Version 9.9.2.1234 -ViaConsole -Force");
            Assert.StartsWith("ExtraHop.InvalidArgument,", Assert.Single(missing.AllErrors).FullyQualifiedErrorId);

            ExtraHopJob started = Shell.Invoke("Invoke-EHFirmwareUpgrade -Version 9.9.2.1234 -ViaConsole -ApplianceId 4 -Force -NoWait").AssertNoErrors().Single<ExtraHopJob>();
            Assert.NotEqual("DONE", started.Status);
            Assert.Equal(1, RequestsTo("eca", "POST"));
        }
    }
}
