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
    /// <summary>
    /// Processes, services, ticketing, the iDRAC address, restart and shutdown against a simulated hardware sensor
    /// ("eh1", with an iDRAC and a stopped exalerts) and a virtual one ("vm1", no iDRAC).
    /// </summary>
    public sealed class SystemAdministrationTests : SimulatorTest
    {
        public override async Task InitializeAsync()
        {
            ApplianceOptions hardware = Simulators.Sensor("eh1", "9.9.2.1234");
            hardware.IdracAddress = "10.1.2.3";
            hardware.StoppedProcesses.Add("exalerts");
            Sim = await Simulators.StartAsync(hardware, Simulators.Sensor("vm1"));
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.Connect(Sim, Sim["vm1"], "-NotDefault");
        }

        private bool Sent(string method, string pathEnd) =>
            Sim.RequestLog.Any(e => e.Method == method && e.Path.EndsWith(pathEnd, StringComparison.Ordinal));

        [Fact]
        public void ProcessesAreTypedAndTheStoppedOneIsNotRunning()
        {
            PsResult result = Shell.Invoke("Get-EHProcess; Get-EHProcess -Name 'ex*ts', webserver").AssertNoErrors();

            var all = result.Objects<ExtraHopProcess>().ToList();
            ExtraHopProcess alerts = all.First(p => p.Name == "exalerts");
            Assert.False(alerts.IsRunning);
            Assert.True(all.First(p => p.Name == "exapi").IsRunning);
            Assert.True(all.First(p => p.Name == "exapi").Uptime > TimeSpan.FromDays(2));
            Assert.Equal(Sim["eh1"].Server, alerts.Server);
            Assert.Equal(18 + 2, all.Count);
            Assert.Equal(new[] { "exalerts", "webserver" }, all.Skip(18).Select(p => p.Name));
        }

        [Fact]
        public async Task ClientReadsWhichProcessesAreNotRunning()
        {
            ExtraHopSession session = Shell.Invoke("Get-EHSession -Default").AssertNoErrors().Single<ExtraHopSession>();
            var processes = await ExtraHop.Api.ProcessApi.GetAllAsync(session, default);

            Assert.Equal(new[] { "exalerts" }, processes.Where(p => p.IsRunning == false).Select(p => p.Name));
        }

        [Fact]
        public void RestartingAStoppedProcessStartsItAndAnUnknownNameIsRefusedBeforeSending()
        {
            PsResult result = Shell.Invoke("Restart-EHProcess -Name EXALERTS, nosuchd, exapi -PassThru");

            Assert.Equal(new[] { "exalerts", "exapi" }, result.Objects<ExtraHopProcess>().Select(p => p.Name));
            Assert.All(result.Objects<ExtraHopProcess>(), p => Assert.True(p.IsRunning));
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.UnknownProcess,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("exalerts", error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(Sim["eh1"].StoppedProcesses);
            Assert.False(Sent("POST", "/nosuchd/restart"));
            Assert.Equal(2, Sim.Events.Count(e => e.Kind == SimulatorEventKind.ProcessRestarted));
        }

        [Fact]
        public void ProcessRestartWhatIfSendsNothingAndPipedProcessesAreRestarted()
        {
            PsResult whatIf = Shell.Invoke("Restart-EHProcess exalerts -WhatIf").AssertNoErrors();
            Assert.Contains(Shell.Host.TestUI.Written, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("process 'exalerts'"));
            Assert.DoesNotContain(Sim.RequestLog, e => e.Method == "POST");

            Shell.Invoke("Get-EHProcess | Where-Object { $_.IsRunning -eq $false } | Restart-EHProcess").AssertNoErrors();
            Assert.Empty(Sim["eh1"].StoppedProcesses);
            Assert.Single(Sim.RequestLog, e => e.Method == "POST");
        }

        [Fact]
        public void AUserWithoutSystemPrivilegeReadsProcessesButCannotRestartThem()
        {
            Shell.ConnectLimited(Sim, Sim["eh1"]);
            PsResult result = Shell.Invoke("Get-EHProcess exapi -Session $limited; Restart-EHProcess exapi -Session $limited");

            Assert.Single(result.Objects<ExtraHopProcess>());
            Assert.StartsWith("ExtraHop.PermissionDenied,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        }

        [Fact]
        public void ChangesNeedSystemPrivilegeAsTheGuideSays()
        {
            Shell.ConnectLimited(Sim, Sim["eh1"]);
            PsResult result = Shell.Invoke(@"
                Get-EHService -Session $limited; Get-EHTicketing -Session $limited
                Set-EHService -Name ssh -Enabled $false -Session $limited
                Set-EHTicketing -Enabled $true -Session $limited
                Restart-EHAppliance -Session $limited -Force
                Stop-EHAppliance -Session $limited -Force");

            Assert.Equal(3, result.Objects<ExtraHopService>().Count());
            Assert.Single(result.Objects<ExtraHopTicketing>());
            Assert.Equal(4, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("ExtraHop.PermissionDenied,", e.FullyQualifiedErrorId, StringComparison.Ordinal));
            Assert.True(Sim["eh1"].Services["ssh"]);
            Assert.False(Sim["eh1"].IsRebooting);
        }

        [Fact]
        public void ProcessNamesCompleteFromTheAppliance()
        {
            string[] matches = Shell.Invoke("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText }", "Restart-EHProcess -Name exa")
                .AssertNoErrors().Output.Select(o => o.ToString()!).ToArray();

            Assert.Equal(new[] { "exadmin", "exalerts", "examf", "exapi" }, matches);
        }

        [Fact]
        public void SetServiceSendsOnlyTheServiceNamedAndWhatIfShowsTheChange()
        {
            Shell.Invoke("Set-EHService -Name ssh -Enabled $false -WhatIf").AssertNoErrors();
            Assert.Contains(Shell.Host.TestUI.Written, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("ssh enabled True -> False"));
            Assert.DoesNotContain(Sim.RequestLog, e => e.Method == "PATCH");

            PsResult result = Shell.Invoke("Set-EHService -Name ssh -Enabled $false -PassThru; Get-EHService").AssertNoErrors();

            Assert.False(Sim["eh1"].Services["ssh"]);
            Assert.True(Sim["eh1"].Services["management_gui"]);
            Assert.Equal("{\"ssh\":{\"enabled\":false}}", Sim.RequestLog.Single(e => e.Method == "PATCH").Body);
            var services = result.Objects<ExtraHopService>().ToList();
            Assert.Equal(("ssh", (bool?)false), (services[0].Name, services[0].Enabled));
            Assert.Equal(new[] { "management_gui", "snmp", "ssh" }, services.Skip(1).Select(s => s.Name));
        }

        [Fact]
        public void AnUnknownServiceIsRefusedAndTheKnownOnesAreStillSet()
        {
            PsResult result = Shell.Invoke("Set-EHService -Name telnet, snmp -Enabled $true");

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.UnknownService,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal("{\"snmp\":{\"enabled\":true}}", Sim.RequestLog.Single(e => e.Method == "PATCH").Body);
            Assert.True(Sim["eh1"].Services["snmp"]);
        }

        [Fact]
        public void TicketingIsReadAndSetWithOnlyTheFieldsGiven()
        {
            PsResult result = Shell.Invoke(@"
                Get-EHTicketing
                Set-EHTicketing -Enabled $true -UrlTemplate 'https://tickets.example.com/browse/$ticket_id' -PassThru
                Set-EHTicketing -Enabled $false").AssertNoErrors();

            var states = result.Objects<ExtraHopTicketing>().ToList();
            Assert.Equal(new bool?[] { false, true }, states.Select(t => t.Enabled));
            Assert.Equal("https://tickets.example.com/browse/$ticket_id", states[1].UrlTemplate);
            var patches = Sim.RequestLog.Where(e => e.Method == "PATCH").Select(e => e.Body).ToList();
            Assert.Equal("{\"enabled\":false}", patches[1]);
            Assert.Equal((false, "https://tickets.example.com/browse/$ticket_id"), Sim["eh1"].Ticketing);
        }

        [Fact]
        public void BadTicketingInputIsRefusedBeforeAnythingIsSent()
        {
            PsResult result = Shell.Invoke("Set-EHTicketing -UrlTemplate 'tickets/$ticket_id'; Set-EHTicketing; Set-EHTicketing -Enabled $true -WhatIf");

            Assert.Equal(new[] { "ExtraHop.InvalidUrlTemplate", "ExtraHop.InvalidArgument" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.DoesNotContain(Sim.RequestLog, e => e.Method == "PATCH");
        }

        [Fact]
        public void GetSystemShowsTheIdracAddressAndIsQuietOnAnApplianceWithoutOne()
        {
            PsResult result = Shell.Invoke("Get-EHSystem; Get-EHSystem -Session $args[0]", Sim["vm1"].Server).AssertNoErrors();

            var systems = result.Objects<ExtraHopSystem>().ToList();
            Assert.Equal("10.1.2.3", systems[0].IdracAddress);
            Assert.Null(systems[1].IdracAddress);
            Assert.Equal("discover", systems[1].Platform);
        }

        [Fact]
        public void RestartWaitFollowsTheApplianceDownAndUpAndReturnsItWithTheSameVersion()
        {
            Sim["eh1"].Faults.MinimumBootingAnswers = 1;
            PsResult result = Shell.Invoke("Restart-EHAppliance -Wait -Force -PollIntervalSec 0.05 -TimeoutSec 120").AssertNoErrors();

            ExtraHopSystem back = result.Single<ExtraHopSystem>();
            Assert.Equal("9.9.2.1234", back.Version);
            Assert.Contains(Sim.Events, e => e.Appliance == "eh1" && e.Kind == SimulatorEventKind.RebootStarted);
            Assert.Contains(Sim.Events, e => e.Appliance == "eh1" && e.Kind == SimulatorEventKind.Booted);
            Assert.Contains(Sim.RequestLog, e => e.Path == "/api/v1/extrahop" && e.StatusCode == 503);
            Assert.False(Sim["eh1"].IsRebooting);
        }

        [Fact]
        public void ARestartThatNeverComesBackEndsTheWaitWithRestartTimedOut()
        {
            Sim["eh1"].Faults.RebootNeverReturns = true;
            PsResult result = Shell.Invoke("Restart-EHAppliance -Wait -Force -PollIntervalSec 0.05 -TimeoutSec 2");

            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.RestartTimedOut,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("went down", error.Exception.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Restart-EHAppliance")]
        [InlineData("Stop-EHAppliance")]
        public void RestartAndShutdownNeedAConfirmationANonInteractiveHostCannotGiveAndSendNothing(string command)
        {
            ErrorRecord error = Assert.Single(Shell.Invoke(command).AllErrors);
            Assert.StartsWith("ExtraHop.ConfirmationRequired,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("-Force", error.Exception.Message, StringComparison.Ordinal);

            Shell.Invoke(command + " -Force -WhatIf").AssertNoErrors();
            Assert.DoesNotContain(Sim.RequestLog, e => e.Method == "POST");
            Assert.False(Sim["eh1"].IsRebooting);
        }

        [Fact]
        public void ShutdownTakesTheApplianceDownForGood()
        {
            Shell.Invoke("Stop-EHAppliance -Confirm:$false").AssertNoErrors();

            Assert.True(Sim["eh1"].IsShutDown);
            Assert.True(Sim["eh1"].IsRebooting);
            Assert.False(Sim["vm1"].IsShutDown);
        }
    }
}
