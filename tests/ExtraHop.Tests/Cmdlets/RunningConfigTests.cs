using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>Get, Set, Save and Compare-EHRunningConfig against two simulated sensors whose configs differ in host name and secrets.</summary>
    public sealed class RunningConfigTests : SimulatorTest
    {
        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"), Simulators.Sensor("eh2"));
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.Connect(Sim, Sim["eh2"], "-NotDefault");
            Shell.SetVariable("eh2", Sim["eh2"].Server);
            Shell.SetVariable("folder", Temp.Path);
        }

        private bool AnyChangeSent => Sim.RequestLog.Any(e => e.Method != "GET");

        [Fact]
        public void TheWholeConfigASectionAndTheSavedCopyComeAsObjectsAndRawTextComesAsSent()
        {
            PsResult result = Shell.Invoke(@"
                (Get-EHRunningConfig).dns.servers -join ','
                (Get-EHRunningConfig -Section dns).search_domains
                (Get-EHRunningConfig -Saved -Section snmp).contact
                (Get-EHRunningConfig -Session $eh2).network.hostname
                (Get-EHRunningConfig).capture.ratio").AssertNoErrors();
            Assert.Equal(new object[] { "10.0.0.2,10.0.0.3", "corp.example.com", "noc@example.com", "eh2", 1.5 }, result.Output.Select(o => o.BaseObject));

            PsResult raw = Shell.Invoke("Get-EHRunningConfig -Raw; Get-EHRunningConfig -Saved -Raw").AssertNoErrors();
            Assert.Equal(Sim["eh1"].RunningConfigJson, raw.Output[0].BaseObject);
            Assert.Equal(Sim["eh1"].SavedConfigJson, raw.Output[1].BaseObject);
            Assert.Contains("\"ratio\": 1.50", (string)raw.Output[0].BaseObject, StringComparison.Ordinal);
        }

        [Fact]
        public void SectionNamesCompleteFromTheAppliancesConfig()
        {
            string[] Complete(string line) => Shell.Invoke("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText }", line)
                .AssertNoErrors().Output.Select(o => o.ToString()!).ToArray();

            Assert.Equal(new[] { "auth", "capture", "dns", "network", "ntp", "snmp" }, Complete("Get-EHRunningConfig -Section "));
            Assert.Equal(new[] { "snmp" }, Complete("Get-EHRunningConfig -Session $eh2 -Section sn"));
        }

        [Fact]
        public void ASectionTheApplianceLacksIsItsOwnErrorForTheRunningAndTheSavedCopy()
        {
            PsResult result = Shell.Invoke("Get-EHRunningConfig -Section nosuch -Session (Get-EHSession); Get-EHRunningConfig -Section nosuch -Saved");

            Assert.Empty(result.Output);
            Assert.Equal(3, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.StartsWith("ExtraHop.RunningConfigSectionNotFound,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Contains("'nosuch'", e.Exception.Message, StringComparison.Ordinal);
            });
        }

        [Fact]
        public void WhatIfListsTheDifferencesWithSecretsMaskedAndSendsNothing()
        {
            PsResult result = Shell.Invoke(@"
                $c = Get-EHRunningConfig
                $c.dns.servers[0] = '10.9.9.9'
                $c.snmp.community = 'brand-new-community'
                $c | Set-EHRunningConfig -WhatIf").AssertNoErrors();

            Assert.Empty(result.Output);
            Assert.False(AnyChangeSent);
            string written = string.Join("\n", Shell.Host.TestUI.Written);
            Assert.Contains("What if:", written, StringComparison.Ordinal);
            Assert.Contains("2 difference(s)", written, StringComparison.Ordinal);
            Assert.Contains("Changed dns.servers[0]: \"10.0.0.2\" -> \"10.9.9.9\"", written, StringComparison.Ordinal);
            Assert.Contains("Changed snmp.community: ******** -> ********", written, StringComparison.Ordinal);
            Assert.DoesNotContain("brand-new-community", written, StringComparison.Ordinal);
            Assert.DoesNotContain("c0mmunity", written, StringComparison.Ordinal);
        }

        [Fact]
        public void AReplaceStaysUnsavedUntilSavedAndTheResultSaysSo()
        {
            PsResult replaced = Shell.Invoke(@"
                $c = Get-EHRunningConfig
                $c.ntp.timezone = 'UTC'
                $c | Set-EHRunningConfig -Force
                Compare-EHRunningConfig").AssertNoErrors();

            RunningConfigUpdate update = replaced.Single<RunningConfigUpdate>();
            Assert.Equal((1, true, false, true), (update.Differences, update.Replaced, update.Saved, update.UnsavedChanges));
            RunningConfigDifference unsaved = replaced.Single<RunningConfigDifference>();
            Assert.Equal(("ntp.timezone", RunningConfigChange.Changed, "\"Europe/Zürich\"", "\"UTC\""), (unsaved.Path, unsaved.Change, unsaved.ReferenceValue, unsaved.DifferenceValue));
            Assert.Equal(($"{Sim["eh1"].Server} saved", $"{Sim["eh1"].Server} running"), (unsaved.ReferenceSource, unsaved.DifferenceSource));
            Assert.Contains("\"timezone\": \"UTC\"", Sim["eh1"].RunningConfigJson, StringComparison.Ordinal);
            Assert.DoesNotContain("\"UTC\"", Sim["eh1"].SavedConfigJson, StringComparison.Ordinal);

            PsResult saved = Shell.Invoke("Save-EHRunningConfig -Confirm:$false; Compare-EHRunningConfig").AssertNoErrors();
            Assert.Empty(saved.Output);
            Assert.Equal(Sim["eh1"].RunningConfigJson, Sim["eh1"].SavedConfigJson);

            PsResult withSave = Shell.Invoke(@"
                (Get-EHRunningConfig -Raw).Replace('""UTC""', '""Europe/Paris""') | Set-EHRunningConfig -Save -Force").AssertNoErrors();
            RunningConfigUpdate both = withSave.Single<RunningConfigUpdate>();
            Assert.Equal((1, true, true, false), (both.Differences, both.Replaced, both.Saved, both.UnsavedChanges));
            Assert.Contains("Europe/Paris", Sim["eh1"].SavedConfigJson, StringComparison.Ordinal);
        }

        [Fact]
        public void AReplaceThatCannotBeConfirmedSaysToUseForceAndSendsNothing()
        {
            // The test host, with no answer queued, fails the prompt as pwsh -NonInteractive or a scheduled task does.
            PsResult result = Shell.Invoke("$c = Get-EHRunningConfig; $c.ntp.timezone = 'UTC'; $c | Set-EHRunningConfig");

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith("ExtraHop.ConfirmationRequired,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("-Force", error.Exception.Message, StringComparison.Ordinal);
            Assert.False(AnyChangeSent);
        }

        [Fact]
        public void AConfigThatAlreadyMatchesIsNotSentAgain()
        {
            PsResult result = Shell.Invoke("Get-EHRunningConfig | Set-EHRunningConfig -Force").AssertNoErrors();

            RunningConfigUpdate update = result.Single<RunningConfigUpdate>();
            Assert.Equal((0, false, false), (update.Differences, update.Replaced, update.UnsavedChanges));
            Assert.False(AnyChangeSent);
        }

        [Theory]
        [InlineData("Set-EHRunningConfig -Path $folder/notes.txt -Force", "ExtraHop.RunningConfigNotJson")]
        [InlineData("Set-EHRunningConfig -Path $folder/list.json -Force", "ExtraHop.RunningConfigNotObject")]
        [InlineData("Set-EHRunningConfig -Path $folder/missing.json -Force", "ExtraHop.RunningConfigFileNotFound")]
        [InlineData("Set-EHRunningConfig -InputObject 'dns = 10.0.0.2' -Force", "ExtraHop.RunningConfigNotJson")]
        [InlineData("Set-EHRunningConfig -InputObject '\"just text\"' -Force", "ExtraHop.RunningConfigNotObject")]
        [InlineData("Compare-EHRunningConfig -ReferencePath $folder/notes.txt", "ExtraHop.RunningConfigNotJson")]
        [InlineData("Compare-EHRunningConfig -ReferenceSession $eh2 -Path $folder/list.json", "ExtraHop.RunningConfigNotObject")]
        public void BadConfigInputIsRefusedWithItsOwnErrorIdAndNothingIsSent(string script, string errorId)
        {
            File.WriteAllText(Path.Combine(Temp.Path, "notes.txt"), "dns: 10.0.0.2\n");
            File.WriteAllText(Path.Combine(Temp.Path, "list.json"), "[ { \"dns\": {} } ]");
            Sim.ResetStatistics();

            PsResult result = Shell.Invoke(script);

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("Nothing was sent", error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void AReplaceTheApplianceRefusesPassesItsMessageOnAndChangesNothing()
        {
            string before = Sim["eh1"].RunningConfigJson;
            Sim["eh1"].Faults.RefuseConfigReplace(1, "Invalid configuration: capture.ratio must be at most 1");

            PsResult result = Shell.Invoke("$c = Get-EHRunningConfig; $c.capture.ratio = 2; $c | Set-EHRunningConfig -Force");

            Assert.Empty(result.Objects<RunningConfigUpdate>());
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.BadRequest,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("capture.ratio must be at most 1", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(before, Sim["eh1"].RunningConfigJson);
        }

        [Fact]
        public void CompareWorksAcrossRunningSavedAFileAndAnotherAppliance()
        {
            PsResult result = Shell.Invoke(@"
                $backup = (Export-EHRunningConfig -Directory $folder).Path
                $c = Get-EHRunningConfig
                $c.dns.servers += '10.0.0.4'
                $c | Set-EHRunningConfig -Force | Out-Null
                ,@(Compare-EHRunningConfig -ReferencePath $backup)
                ,@(Compare-EHRunningConfig -ReferencePath $backup -Saved)
                ,@(Compare-EHRunningConfig -ReferenceSession $eh2)
                ,@(Compare-EHRunningConfig -ReferenceSession $eh2 -ReferenceSaved -Saved)
                ,@(Compare-EHRunningConfig -ReferencePath $backup -Path $backup)
                ,@(Compare-EHRunningConfig -Session $eh2 -ReferencePath $backup)").AssertNoErrors();

            RunningConfigDifference[][] lists = result.Output.Select(o => ((object[])o.BaseObject).Cast<PSObject>().Select(p => (RunningConfigDifference)p.BaseObject).ToArray()).ToArray();
            RunningConfigDifference fileVsRunning = Assert.Single(lists[0]);
            Assert.Equal(("dns.servers[2]", RunningConfigChange.Added, null, "\"10.0.0.4\""), (fileVsRunning.Path, fileVsRunning.Change, fileVsRunning.ReferenceValue, fileVsRunning.DifferenceValue));
            Assert.Equal("file 'eh1.json'", fileVsRunning.ReferenceSource);
            Assert.Empty(lists[1]);

            foreach (RunningConfigDifference[] applianceVsAppliance in new[] { lists[2], lists[3] })
            {
                Assert.Contains(applianceVsAppliance, d => d.Path == "network.hostname" && d.ReferenceValue == "\"eh2\"" && d.DifferenceValue == "\"eh1\"");
                RunningConfigDifference secret = Assert.Single(applianceVsAppliance, d => d.Path == "auth.ldap.bind_password");
                Assert.Equal((true, "********", "********"), (secret.Masked, secret.ReferenceValue, secret.DifferenceValue));
                Assert.Contains(applianceVsAppliance, d => d.Path == "snmp.community" && d.Masked);
                Assert.Contains(applianceVsAppliance, d => d.Path == "auth.radius.shared_secret" && d.Masked);
            }
            Assert.Equal(lists[3].Length + 1, lists[2].Length);
            Assert.Empty(lists[4]);
            Assert.Contains(lists[5], d => d.DifferenceSource == $"{Sim["eh2"].Server} running" && d.Path == "network.hostname");
            Assert.DoesNotContain("-Pa55", string.Join("\n", lists.SelectMany(l => l).Select(d => d.ReferenceValue + d.DifferenceValue)), StringComparison.Ordinal);
        }

        [Fact]
        public void AnAddedSectionShowsItsValueWithTheSecretsInsideMasked()
        {
            PsResult result = Shell.Invoke(@"
                $c = Get-EHRunningConfig
                $c.PSObject.Properties.Add([psnoteproperty]::new('tacacs', [pscustomobject]@{ server = 'tac.example.com'; key = 'tacacs-key-123' }))
                $c | Set-EHRunningConfig -Force -Verbose | Out-Null
                Compare-EHRunningConfig -Verbose").AssertNoErrors();

            RunningConfigDifference added = result.Single<RunningConfigDifference>();
            Assert.Equal(("tacacs", RunningConfigChange.Added, null, "{\"key\":\"********\",\"server\":\"tac.example.com\"}"), (added.Path, added.Change, added.ReferenceValue, added.DifferenceValue));
            Assert.NotEmpty(result.Verbose);
            Assert.DoesNotContain(result.Verbose, line => line.Contains("tacacs-key-123", StringComparison.Ordinal) || line.Contains("c0mmunity", StringComparison.Ordinal));
            Assert.Contains("tacacs-key-123", Sim["eh1"].RunningConfigJson, StringComparison.Ordinal);
        }

        [Fact]
        public void ACompareOfAFileWithASessionAsWellIsRefused()
        {
            PsResult result = Shell.Invoke("Compare-EHRunningConfig -ReferenceSession $eh2 -Path x.json -Session $eh2");

            Assert.StartsWith("ExtraHop.InvalidArgument,", Assert.Single(result.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Path.Contains("runningconfig", StringComparison.Ordinal));
        }
    }
}
