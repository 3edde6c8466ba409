using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace ExtraHop.Benchmarks;

/// <summary>
/// Runs the measurements in order and prints the table:
/// <c>dotnet run -c Release --project tests/ExtraHop.Benchmarks -- [--upload-mib 1024] [--fleet 50] [--throttle 10] [--rounds 3] [--rest-calls 1000] [--download-mib 1024] [--downloads-only] [--backup-fleet 100] [--backup-throttle 20] [--backup-delay-ms 1000] [--backup-only] [--health 100] [--health-throttle 20] [--health-only] [--quick]</c>.
/// Exit code 2 for bad options, non-zero if a run broke; a missed goal is reported in the table, never as a failure.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        string manifest = Path.Combine(RepoRoot.Find(), "ExtraHop.psd1");
        Console.WriteLine($"ExtraHop benchmarks{(options.Quick ? " (quick)" : string.Empty)}: {options.UploadMiB} MiB upload x {options.UploadRounds} rounds, fleet of {options.Fleet} with throttle {options.Throttle}, {options.RestCalls} REST calls x {options.UploadRounds} rounds");

        string loadBefore = MachineLoad.Describe();
        if (options.BackupOnly)
        {
            Console.WriteLine("Backup:");
            var backupAlone = await BackupBenchmark.RunAsync(manifest, options.BackupFleet, options.BackupThrottle, options.BackupDelayMs);
            Console.WriteLine();
            Console.Write(Report.WriteBackup(backupAlone, loadBefore, MachineLoad.Describe()));
            return 0;
        }

        if (options.HealthOnly)
        {
            Console.WriteLine("Health:");
            var healthAlone = await HealthBenchmark.RunAsync(manifest, options.HealthFleet, options.HealthThrottle);
            Console.WriteLine();
            Console.Write(Report.WriteHealth(healthAlone, loadBefore, MachineLoad.Describe()));
            return 0;
        }

        Console.WriteLine($"Downloads ({options.DownloadMiB} MiB support pack and packet capture x {options.UploadRounds} rounds):");
        var downloads = await DownloadBenchmark.RunAsync(manifest, options.DownloadMiB, options.UploadRounds);
        if (options.DownloadsOnly)
        {
            string loadAfterDownloads = MachineLoad.Describe();
            Console.WriteLine();
            Console.Write(Report.WriteDownloads(options, downloads, loadBefore, loadAfterDownloads));
            return 0;
        }

        Console.WriteLine("Upload:");
        var upload = await UploadBenchmark.RunAsync(manifest, options.UploadMiB, options.UploadRounds);
        Console.WriteLine("Fleet:");
        var fleet = await FleetBenchmark.RunAsync(manifest, options.Fleet, options.Throttle);
        Console.WriteLine("REST:");
        var rest = await RestBenchmark.RunAsync(manifest, options.RestCalls, options.UploadRounds);
        Console.WriteLine("Backup:");
        var backup = await BackupBenchmark.RunAsync(manifest, options.BackupFleet, options.BackupThrottle, options.BackupDelayMs);
        Console.WriteLine("Health:");
        var health = await HealthBenchmark.RunAsync(manifest, options.HealthFleet, options.HealthThrottle);
        string loadAfter = MachineLoad.Describe();

        Console.WriteLine();
        Console.Write(Report.Write(options, upload, fleet, rest, backup, health, loadBefore, loadAfter));
        Console.Write(Report.WriteDownloads(options, downloads, loadBefore, loadAfter));
        return 0;
    }
}
