using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Simulator;

namespace ExtraHop.Benchmarks;

/// <summary>
/// (c) A throttled fleet upgrade against the ideal: ceil(fleet / throttle) waves, each as long as one appliance
/// upgraded alone with the same cmdlet. The time scale is set from a measured upgrade so one takes about
/// <see cref="TargetSingleSeconds"/> of real time.
/// </summary>
internal static class FleetBenchmark
{
    public const double TargetSingleSeconds = 1.5;
    private const string TargetVersion = "9.9.2.1234";
    private const double CalibrationScale = 1200;
    private const string UpgradeParameters = "-Force -PollIntervalSec 0.1 -TimeoutSec 600";

    public static async Task<FleetResult> RunAsync(string manifestPath, int fleet, int throttle)
    {
        string folder = Directory.CreateTempSubdirectory("extrahop-bench-").FullName;
        try
        {
            string image = Path.Combine(folder, $"fleet-{TargetVersion}.tar");
            FirmwareImage.Create(image, TargetVersion, 64 * 1024);
            using var shell = new ModuleShell(manifestPath);

            double simulatedSeconds = await MeasureSimulatedUpgradeAsync(shell, image);
            double timeScale = simulatedSeconds / TargetSingleSeconds;
            Console.WriteLine($"  one upgrade job lasts {simulatedSeconds / 60:F1} simulated minutes; time scale {timeScale:F0} makes it {TargetSingleSeconds} s");

            var options = new SimulatorOptions { TimeScale = timeScale };
            options.Appliances.Add(new ApplianceOptions { Name = "solo1" });
            options.Appliances.Add(new ApplianceOptions { Name = "solo2" });
            options.Appliances.AddRange(Enumerable.Range(1, fleet).Select(i => new ApplianceOptions { Name = $"eh{i}" }));
            await using var host = await SimulatorHost.StartAsync(options);

            // The single baseline, twice on fresh appliances; the faster one makes the strictest ideal.
            double single = Math.Min(
                await UpgradeAloneAsync(shell, host, host["solo1"], image),
                await UpgradeAloneAsync(shell, host, host["solo2"], image));
            Console.WriteLine($"  one appliance alone: {single:F2} s (best of 2)");

            var members = host.Appliances.Where(a => a.Name.StartsWith("eh", StringComparison.Ordinal)).ToList();
            shell.SetVariable("benchFleet", members.Select(a => new FleetMember(a.Server, ModuleShell.Secure(a.ApiKey))).ToArray());
            await shell.InvokeAsync($"$benchSessions = foreach ($m in $benchFleet) {{ Connect-ExtraHop -Server $m.Server -ApiKey $m.Key -CertificateThumbprint '{host.CertificateSha256}' -NotDefault }}");

            host.ResetStatistics();
            var clock = Stopwatch.StartNew();
            var results = await shell.InvokeAsync($"Invoke-EHFirmwareUpgrade -Session $benchSessions -Path $args[0] -ThrottleLimit {throttle} {UpgradeParameters}", image);
            double fleetSeconds = clock.Elapsed.TotalSeconds;
            int succeeded = CountSucceeded(results);
            int upgraded = members.Count(a => a.CurrentVersion == TargetVersion);
            Console.WriteLine($"  fleet of {fleet}, throttle {throttle}: {fleetSeconds:F2} s, {succeeded} results Succeeded, {upgraded} appliances now run {TargetVersion}, at most {host.MaxConcurrentBusy} busy at once");
            if (succeeded != fleet || upgraded != fleet)
            {
                throw new InvalidOperationException($"The fleet upgrade did not upgrade every appliance ({succeeded} Succeeded, {upgraded} upgraded of {fleet}).");
            }

            return new FleetResult(fleet, throttle, timeScale, simulatedSeconds, single, fleetSeconds, host.MaxConcurrentBusy);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Upgrades one appliance at the calibration scale and reads how long its job lasted in simulated time.</summary>
    private static async Task<double> MeasureSimulatedUpgradeAsync(ModuleShell shell, string image)
    {
        var options = new SimulatorOptions { TimeScale = CalibrationScale };
        options.Appliances.Add(new ApplianceOptions { Name = "calibration" });
        await using var host = await SimulatorHost.StartAsync(options);
        await UpgradeAloneAsync(shell, host, host.Appliances[0], image);
        var events = host.Events.Where(e => e.Appliance == "calibration").ToList();
        var started = events.Last(e => e.Kind == SimulatorEventKind.JobStarted).Time;
        var finished = events.Last(e => e.Kind == SimulatorEventKind.JobFinished).Time;
        return (finished - started).TotalSeconds * CalibrationScale;
    }

    /// <summary>Connects to one appliance and upgrades it with the cmdlet; returns the real seconds the upgrade took.</summary>
    private static async Task<double> UpgradeAloneAsync(ModuleShell shell, SimulatorHost host, SimulatedAppliance appliance, string image)
    {
        shell.SetVariable("benchKey", ModuleShell.Secure(appliance.ApiKey));
        await shell.InvokeAsync($"$benchOne = Connect-ExtraHop -Server '{appliance.Server}' -ApiKey $benchKey -CertificateThumbprint '{host.CertificateSha256}' -NotDefault");
        var clock = Stopwatch.StartNew();
        var results = await shell.InvokeAsync($"Invoke-EHFirmwareUpgrade -Session $benchOne -Path $args[0] {UpgradeParameters}", image);
        double seconds = clock.Elapsed.TotalSeconds;
        await shell.InvokeAsync("Disconnect-ExtraHop -Session $benchOne");
        if (CountSucceeded(results) != 1 || appliance.CurrentVersion != TargetVersion)
        {
            throw new InvalidOperationException($"Upgrading {appliance.Name} alone did not succeed.");
        }

        return seconds;
    }

    private static int CountSucceeded(IEnumerable<PSObject> results) =>
        results.Count(r => r.Properties["Status"]?.Value?.ToString() == "Succeeded");
}
