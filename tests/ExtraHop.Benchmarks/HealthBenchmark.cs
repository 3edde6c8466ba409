using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator;

namespace ExtraHop.Benchmarks;

/// <summary>
/// (e) Get-EHHealthReport over a mixed fleet (a console, sensors, recordstores with ingest on and off, failed jobs)
/// with a throttle, against the ideal: ceil(fleet / throttle) waves, each as long as the slowest report of one
/// appliance alone with the same cmdlet. Every appliance answers after a fixed delay, as over a wide-area network:
/// a health report waits on the network, and on loopback it would only measure this machine's two cores.
/// </summary>
internal static class HealthBenchmark
{
    public const int LatencyMilliseconds = 100;
    private const int Singles = 10;

    public static async Task<HealthResult> RunAsync(string manifestPath, int fleet, int throttle)
    {
        var options = new SimulatorOptions { TimeScale = 1 };
        options.Appliances.AddRange(Enumerable.Range(1, fleet).Select(Member));
        await using var host = await SimulatorHost.StartAsync(options);
        using var shell = new ModuleShell(manifestPath);

        shell.SetVariable("benchFleet", host.Appliances.Select(a => new FleetMember(a.Server, ModuleShell.Secure(a.ApiKey))).ToArray());
        await shell.InvokeAsync($"$benchSessions = @(foreach ($m in $benchFleet) {{ Connect-ExtraHop -Server $m.Server -ApiKey $m.Key -CertificateThumbprint '{host.CertificateSha256}' -NotDefault }})");
        foreach (SimulatedAppliance appliance in host.Appliances)
        {
            appliance.Faults.ResponseDelay = TimeSpan.FromMilliseconds(LatencyMilliseconds);
        }

        // Warm up (JIT, the checks' first run), then time appliances of every kind one at a time.
        await shell.InvokeAsync("Get-EHHealthReport -Session $benchSessions[0] | Out-Null");
        var singles = new List<double>();
        foreach (int index in SampleIndexes(fleet))
        {
            var one = Stopwatch.StartNew();
            await shell.InvokeAsync($"Get-EHHealthReport -Session $benchSessions[{index}] | Out-Null");
            singles.Add(one.Elapsed.TotalSeconds);
        }
        double slowest = singles.Max();
        double median = singles.OrderBy(s => s).ElementAt(singles.Count / 2);
        Console.WriteLine($"  one appliance alone: slowest {slowest:F3} s, median {median:F3} s ({singles.Count} appliances, {LatencyMilliseconds} ms per answer)");

        var clock = Stopwatch.StartNew();
        var reports = await shell.InvokeAsync($"Get-EHHealthReport -Session $benchSessions -ThrottleLimit {throttle}");
        double fleetSeconds = clock.Elapsed.TotalSeconds;
        int notOk = reports.Count(r => r.Properties["Status"]?.Value?.ToString() != "OK");
        Console.WriteLine($"  fleet of {fleet}, throttle {throttle}: {fleetSeconds:F2} s, {reports.Count} reports, {notOk} not OK");
        if (reports.Count != fleet)
        {
            throw new InvalidOperationException($"The health report wrote {reports.Count} reports for {fleet} appliances.");
        }

        await shell.InvokeAsync("Disconnect-ExtraHop -Session $benchSessions");
        return new HealthResult(fleet, throttle, LatencyMilliseconds, singles.Count, slowest, median, fleetSeconds, reports.Count, notOk);
    }

    /// <summary>Appliance 1 is the console the others are compared with; every fifth a recordstore (every twentieth with ingest off); every third sensor has a failed job.</summary>
    private static ApplianceOptions Member(int i)
    {
        if (i == 1) return new ApplianceOptions { Name = "hc1", Role = ApplianceRole.Console, Version = "9.9.2.1234" };
        if (i % 5 == 0)
        {
            return new ApplianceOptions
            {
                Name = $"hr{i}", Role = ApplianceRole.Recordstore, ClusterName = $"rsc{i / 10}", NodeKind = i % 10 == 0 ? RecordstoreNodeKind.Manager : RecordstoreNodeKind.Data,
                IngestEnabled = i % 20 != 0, Version = "9.9.2.1234",
            };
        }

        var sensor = new ApplianceOptions { Name = $"hs{i}", Role = ApplianceRole.Sensor, Version = i % 7 == 0 ? "9.8.1.1000" : "9.9.2.1234" };
        if (i % 3 == 0) sensor.JobHistory.Add(new PastJob { EndedAgo = TimeSpan.FromHours(i % 48) });
        return sensor;
    }

    /// <summary>Indexes into $benchSessions of appliances of every kind: the console, sensors with and without failed jobs or an older version, recordstores with ingest on and off.</summary>
    private static IEnumerable<int> SampleIndexes(int fleet) =>
        Enumerable.Range(0, Math.Min(Singles, fleet)).Append(19).Where(i => i < fleet).Distinct();
}
