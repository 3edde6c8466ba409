using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Only an omitted -Session means the default session. A -Session that was given but holds nothing - the $null
    /// left by a Connect-ExtraHop -NotDefault that failed, an empty Get-EHSession filter, a piped object whose Session
    /// is null - must never reach the default appliance: every cmdlet that takes -Session stops with ExtraHop.NoSession
    /// before it sends anything. The cmdlets are found with Get-Command, so a new one is held to the rule too.
    /// </summary>
    public sealed class SessionParameterTests : SimulatorTest
    {
        /// <summary>What a cmdlet needs besides -Session to run at all; a cmdlet missing here runs with no other argument.</summary>
        private static readonly Dictionary<string, string> OtherArguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Invoke-EHFirmwareUpgrade"] = "-Path $img -Force -PollIntervalSec 0.05",
            ["Get-EHUpgradePlan"] = "-Path $img",
            ["Send-EHFirmware"] = "-Path $img -Confirm:$false",
            ["Undo-EHFirmwareUpgrade"] = "-Force -PollIntervalSec 0.05",
            ["Set-EHClusterIngest"] = "-Enabled $false -Force",
            ["Wait-EHJob"] = "-Id 1 -PollIntervalSec 0.05",
            ["New-EHUser"] = "-Username jdoe -Remote -Confirm:$false",
            ["Set-EHUser"] = "-Username admin -Enabled $true -Confirm:$false",
            ["Remove-EHUser"] = "-Username auditor -Confirm:$false",
            ["Get-EHUserLock"] = "-Username setup",
            ["Unlock-EHUser"] = "-Username setup -Confirm:$false",
            ["Invoke-EHRestMethod"] = "-Method GET -Path users",
            ["Restart-EHProcess"] = "-Name exapi -Confirm:$false",
            ["Set-EHService"] = "-Name ssh -Enabled $true -Confirm:$false",
            ["Set-EHTicketing"] = "-Enabled $true -Confirm:$false",
            ["Restart-EHAppliance"] = "-Force",
            ["Stop-EHAppliance"] = "-Force",
            ["Add-EHAppliance"] = "-Hostname eda9.example.com -PairingToken ([System.Security.SecureString]::new()) -Confirm:$false",
            ["Remove-EHAppliance"] = "-Id 1 -Force",
            ["Set-EHCloudService"] = "-Unenroll -Force",
            ["Get-EHApplianceProductKey"] = "-Id 1",
            ["Get-EHApplianceAssociation"] = "-IdsSensorId 2",
            ["Set-EHApplianceAssociation"] = "-IdsSensorId 2 -PacketSensor 1 -Confirm:$false",
            ["Set-EHLicense"] = "-Path $img -Confirm:$false",
            ["Set-EHProductKey"] = "-ProductKey ABCD-EFGH-JKLM-NPQR -Confirm:$false",
            ["New-EHCertificateSigningRequest"] = "-CommonName eda01.example.com",
            ["Set-EHCertificate"] = "-Path $img -Confirm:$false",
            ["Reset-EHCertificate"] = "-Force",
            ["New-EHSupportPack"] = "-Confirm:$false -PollIntervalSec 0.05",
            ["Invoke-EHSupportPack"] = "-Path $img -Force -PollIntervalSec 0.05",
            ["Save-EHSupportPack"] = "-FileName diagnostics-default.expk -Destination ([IO.Path]::GetTempPath()) -WhatIf",
            ["Save-EHPacket"] = "-From '-10m' -Path ([IO.Path]::Combine([IO.Path]::GetTempPath(), 'session-test.pcap')) -WhatIf",
            ["Set-EHRunningConfig"] = "-InputObject '{}' -Force",
            ["Export-EHRunningConfig"] = "-Directory ([System.IO.Path]::GetTempPath())",
        };

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Recordstore("default", "rsc1", ExtraHop.Simulator.RecordstoreNodeKind.Manager));
            Shell.SetVariable("img", Temp.Image("9.9.2.1234"));
        }

        private List<(string Name, bool ByValue, bool ByPropertyName)> CmdletsWithASessionParameter()
        {
            var found = new List<(string, bool, bool)>();
            foreach (PSObject command in Shell.Invoke("Get-Command -Module ExtraHop -CommandType Cmdlet").AssertNoErrors().Output)
            {
                var info = (CmdletInfo)command.BaseObject;
                if (!info.Parameters.TryGetValue("Session", out ParameterMetadata? session)) continue;
                found.Add((info.Name,
                    session.ParameterSets.Values.Any(s => s.ValueFromPipeline),
                    session.ParameterSets.Values.Any(s => s.ValueFromPipelineByPropertyName)));
            }
            return found;
        }

        [Fact]
        public void ANullOrEmptySessionIsAnErrorForEveryCmdletAndNeverReachesTheDefault()
        {
            ExtraHopSession defaultSession = Shell.Connect(Sim, Sim["default"]);
            // What a failed `$failed = Connect-ExtraHop ... -NotDefault` leaves behind.
            Shell.Invoke("$failed = $null; $defaultSession = Get-EHSession -Default").AssertNoErrors();

            List<(string Name, bool ByValue, bool ByPropertyName)> cmdlets = CmdletsWithASessionParameter();
            Assert.Superset(
                new HashSet<string> { "Invoke-EHFirmwareUpgrade", "Undo-EHFirmwareUpgrade", "Send-EHFirmware", "Set-EHClusterIngest", "Disconnect-ExtraHop", "Get-EHSystem" },
                cmdlets.Select(c => c.Name).ToHashSet());

            var problems = new List<string>();
            foreach ((string name, bool byValue, bool byPropertyName) in cmdlets)
            {
                string rest = OtherArguments.TryGetValue(name, out string? other) ? other : string.Empty;
                var scripts = new List<string>
                {
                    $"{name} -Session $null {rest}",
                    $"{name} -Session $failed {rest}",
                    $"{name} -Session @() {rest}",
                    $"{name} -Session @(Get-EHSession -Server 'zzz*') {rest}",
                    $"{name} -Session $failed, $defaultSession {rest}",
                };
                if (byValue) scripts.Add($"$failed | {name} {rest}");
                if (byPropertyName) scripts.Add($"[pscustomobject]@{{ Session = $null }} | {name} {rest}");

                foreach (string script in scripts)
                {
                    Sim.ResetStatistics();
                    PsResult result = Shell.Invoke(script);
                    List<ErrorRecord> errors = result.AllErrors.ToList();
                    if (errors.Count != 1 || !errors[0].FullyQualifiedErrorId.StartsWith("ExtraHop.NoSession,", StringComparison.Ordinal))
                    {
                        problems.Add($"{script}: expected one ExtraHop.NoSession error, got [{string.Join("; ", errors.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message))}]");
                    }
                    if (result.Output.Count > 0) problems.Add($"{script}: wrote {result.Output.Count} objects");
                    if (Sim.RequestLog.Count > 0) problems.Add($"{script}: reached the default appliance ({string.Join(", ", Sim.RequestLog.Select(e => e.Method + " " + e.Path))})");
                    if (!defaultSession.IsConnected)
                    {
                        problems.Add($"{script}: disconnected the default session");
                        defaultSession = Shell.Connect(Sim, Sim["default"]);
                        Shell.Invoke("$defaultSession = Get-EHSession -Default").AssertNoErrors();
                    }
                    Shell.Host.TestUI.Prompts.Clear();
                }
            }
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void OnlyAnOmittedSessionMeansTheDefault()
        {
            ExtraHopSession defaultSession = Shell.Connect(Sim, Sim["default"]);
            Shell.SetVariable("s", defaultSession);

            Assert.Same(defaultSession, Shell.Invoke("Get-EHSystem").AssertNoErrors().Single<ExtraHopSystem>().Session);
            // A piped row without a Session property leaves -Session unbound for that row, even after a row that bound it.
            var uploads = Shell.Invoke("[pscustomobject]@{ Path = $img; Session = $s }, [pscustomobject]@{ Path = $img } | Send-EHFirmware -Confirm:$false")
                .AssertNoErrors().Objects<FirmwareUpload>().ToList();
            Assert.Equal(2, uploads.Count);
            Assert.All(uploads, u => Assert.Same(defaultSession, u.Session));
        }

        [Fact]
        public void AUserObjectWithoutASessionIsNotLookedUpOnTheDefault()
        {
            Shell.Connect(Sim, Sim["default"]);
            ExtraHopUser orphan = Shell.Invoke("Get-EHUser -Name admin").AssertNoErrors().Single<ExtraHopUser>();
            orphan.Session = null;
            Sim.ResetStatistics();

            PsResult result = Shell.Invoke("$args[0] | Get-EHUser", orphan);

            Assert.StartsWith("ExtraHop.NoSession,", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(Sim.RequestLog);
        }
    }
}
