using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

/// <summary>
/// The wire sequence of ExtraHop's official upgrade_system.py (reference section 11.1), played by
/// official_flow.py with Python requests verifying TLS against the simulator's CA.
/// </summary>
public sealed class OfficialScriptFlowTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [PythonFact]
    public async Task UploadUpgradeAndPollToDoneWorksFromPythonRequests()
    {
        await using var host = await Simulators.StartAsync(1200, Simulators.Sensor("eh1"), Simulators.Sensor("eh2"), Simulators.Sensor("eh3"));
        foreach (var appliance in host.Appliances)
        {
            appliance.Faults.RebootDowntime = TimeSpan.FromMinutes(20); // one real second of refused connections
            // Booting lasts 0.1 real seconds; on a loaded machine no poll may land in it. Waiting for one
            // answer makes sure the script meets the 503 page on every appliance.
            appliance.Faults.MinimumBootingAnswers = 1;
        }

        var image = _temp.Image("9.9.2.1234", 1024 * 1024);
        var ca = Path.Combine(_temp.Path, "ca.pem");
        await File.WriteAllTextAsync(ca, host.CaCertificatePem);
        var systems = Path.Combine(_temp.Path, "systems.csv");
        await File.WriteAllLinesAsync(systems, host.Appliances.Select(a => $"{a.Server},{a.ApiKey},{image}"));

        var (exitCode, output) = await RunAsync(PythonFactAttribute.Command!, Path.Combine(AppContext.BaseDirectory, "official_flow.py"), systems, "--ca", ca, "--wait", "0.05");

        Assert.True(exitCode == 0, output);
        Assert.All(host.Appliances, a => Assert.Equal("9.9.2.1234", a.CurrentVersion));
        Assert.All(host.Appliances, a => Assert.Contains($"Status 503 from {a.Server} (text/html", output));

        // Whether a poll meets the closed port is left to timing, so the closed port is asserted from the
        // simulator's own record: each appliance went down, booted and came up before its job was done.
        Assert.All(host.Appliances, a => Assert.Equal(
            new[] { SimulatorEventKind.RebootStarted, SimulatorEventKind.BootStarted, SimulatorEventKind.Booted, SimulatorEventKind.JobFinished },
            host.Events.Where(e => e.Appliance == a.Name && e.Kind is SimulatorEventKind.RebootStarted or SimulatorEventKind.BootStarted or SimulatorEventKind.Booted or SimulatorEventKind.JobFinished).Select(e => e.Kind)));
        Assert.InRange(host.MaxConcurrentBusy, 1, 2);
        var upgrades = host.RequestLog.Where(r => r.Path == "/api/v1/extrahop/firmware/latest/upgrade").ToArray();
        Assert.Equal(3, upgrades.Length);
        Assert.All(upgrades, r => Assert.Equal((202, (string?)null), (r.StatusCode, r.Body)));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        return (process.ExitCode, await stdout + await stderr);
    }
}
