using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ExtraHop.Simulator;

namespace ExtraHop.Benchmarks;

/// <summary>
/// (e) A throttled fleet backup against the ideal: ceil(fleet / throttle) waves, each as long as one appliance
/// backed up alone with the same cmdlet. Every appliance takes a set time (real, default
/// <see cref="DefaultReadDelayMs"/> ms) to answer its config, as a real one takes to render it, so that like the fleet
/// upgrade row the run is bound by the appliances, not by this machine's CPU (100 appliances' TLS and HTTP on both
/// sides of one process share its cores): the ratio then shows what the fleet machinery itself costs.
/// </summary>
internal static class BackupBenchmark
{
    public const int DefaultReadDelayMs = 1000;
    private const int SingleRounds = 3;

    public static async Task<BackupResult> RunAsync(string manifestPath, int fleet, int throttle, int readDelayMs)
    {
        var readDelay = TimeSpan.FromMilliseconds(readDelayMs);
        string folder = Directory.CreateTempSubdirectory("extrahop-bench-backup-").FullName;
        try
        {
            using var shell = new ModuleShell(manifestPath);
            var options = new SimulatorOptions();
            options.Appliances.Add(new ApplianceOptions { Name = "solo1" });
            options.Appliances.Add(new ApplianceOptions { Name = "solo2" });
            options.Appliances.AddRange(Enumerable.Range(1, fleet).Select(i => new ApplianceOptions { Name = $"eh{i}" }));
            await using var host = await SimulatorHost.StartAsync(options);
            foreach (SimulatedAppliance appliance in host.Appliances) appliance.Faults.ConfigReadDelay = readDelay;

            shell.SetVariable("benchAll", host.Appliances.Select(a => new FleetMember(a.Server, ModuleShell.Secure(a.ApiKey))).ToArray());
            await shell.InvokeAsync($"$benchSessions = foreach ($m in $benchAll) {{ Connect-ExtraHop -Server $m.Server -ApiKey $m.Key -CertificateThumbprint '{host.CertificateSha256}' -NotDefault }}");

            // The single baseline: each solo appliance alone, a few times; the fastest makes the strictest ideal.
            double single = double.MaxValue;
            for (int round = 0; round < SingleRounds; round++)
            {
                for (int solo = 0; solo < 2; solo++)
                {
                    single = Math.Min(single, await ExportAsync(shell, Path.Combine(folder, $"solo-{round}-{solo}"), $"$benchSessions[{solo}]", 1, 1));
                }
            }
            Console.WriteLine($"  one appliance alone: {single:F3} s (best of {SingleRounds * 2}; each config read takes {readDelayMs} ms)");

            string fleetFolder = Path.Combine(folder, "fleet");
            double fleetSeconds = await ExportAsync(shell, fleetFolder, $"$benchSessions[2..{fleet + 1}]", throttle, fleet);
            double repeatSeconds = await ExportAsync(shell, fleetFolder, $"$benchSessions[2..{fleet + 1}]", throttle, fleet);
            Console.WriteLine($"  fleet of {fleet}, throttle {throttle}: {fleetSeconds:F3} s; again into the same folder (all Unchanged): {repeatSeconds:F3} s");
            return new BackupResult(fleet, throttle, readDelayMs, single, fleetSeconds, repeatSeconds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs Export-EHRunningConfig and returns its real seconds; a run that did not back up every appliance breaks the benchmark.</summary>
    private static async Task<double> ExportAsync(ModuleShell shell, string folder, string sessions, int throttle, int expected)
    {
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        var results = await shell.InvokeAsync($"Export-EHRunningConfig -Session {sessions} -Directory $args[0] -ThrottleLimit {throttle}", folder);
        double seconds = clock.Elapsed.TotalSeconds;
        int written = results.Count(r => r.Properties["Status"]?.Value?.ToString() is "Created" or "Unchanged");
        if (written != expected || Directory.GetFiles(folder, "*.json").Length != expected)
        {
            throw new InvalidOperationException($"Export-EHRunningConfig backed up {written} of {expected} appliances.");
        }

        return seconds;
    }
}

/// <summary>What the fleet backup measured, and the ideal it is held to.</summary>
internal sealed record BackupResult(int Fleet, int Throttle, int ReadDelayMs, double SingleSeconds, double FleetSeconds, double RepeatSeconds)
{
    public int Waves => (Fleet + Throttle - 1) / Throttle;

    public double IdealSeconds => Waves * SingleSeconds;

    public double Ratio => FleetSeconds / IdealSeconds;

    public double RepeatRatio => RepeatSeconds / IdealSeconds;
}
