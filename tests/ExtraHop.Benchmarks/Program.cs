using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace ExtraHop.Benchmarks;

/// <summary>
/// Runs the measurements in order and prints the table:
/// <c>dotnet run -c Release --project tests/ExtraHop.Benchmarks -- [--upload-mib 1024] [--fleet 50] [--throttle 10] [--rounds 3] [--quick]</c>.
/// Exit code 2 for bad options, non-zero if a run broke; a missed goal is reported in the table, never as a failure.
/// </summary>
internal static class Program
{
    private const double MiB = 1024 * 1024;

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
        Console.WriteLine($"ExtraHop benchmarks{(options.Quick ? " (quick)" : string.Empty)}: {options.UploadMiB} MiB upload x {options.UploadRounds} rounds, fleet of {options.Fleet} with throttle {options.Throttle}");

        string loadBefore = MachineLoad.Describe();
        Console.WriteLine("Upload:");
        var upload = await UploadBenchmark.RunAsync(manifest, options.UploadMiB, options.UploadRounds);
        Console.WriteLine("Fleet:");
        var fleet = await FleetBenchmark.RunAsync(manifest, options.Fleet, options.Throttle);
        string loadAfter = MachineLoad.Describe();

        var table = new ResultTable();
        double uploadRatio = upload.ModuleBestMiBps / upload.BaselineBestMiBps;
        table.Add($"(a) upload throughput, {options.UploadMiB} MiB image, best of {upload.Rounds} rounds each, order alternating",
            $"{upload.ModuleBestMiBps:F1} MiB/s", $"{upload.BaselineBestMiBps:F1} MiB/s (raw HttpClient)", $"{uploadRatio:F2}", ">= 0.90", uploadRatio >= 0.9);
        table.Add($"(a) same, median of the {upload.Rounds} per-round ratios (each round's two uploads back to back)",
            "-", "-", $"{upload.MedianRoundRatio:F2}", ">= 0.90", upload.MedianRoundRatio >= 0.9);
        table.Add($"(a) process CPU per GiB uploaded (client and in-process simulator), least of {upload.Rounds}",
            $"{upload.ModuleLeastCpuPerGiB:F2} s", $"{upload.BaselineLeastCpuPerGiB:F2} s", $"{upload.ModuleLeastCpuPerGiB / upload.BaselineLeastCpuPerGiB:F2}", "-", null);
        table.Add($"(b) peak working-set growth during the upload, worst of {upload.Rounds}",
            $"+{upload.ModuleWorstGrowth.WorkingSetBytes / MiB:F1} MiB", $"+{upload.BaselineWorstGrowth.WorkingSetBytes / MiB:F1} MiB", "-", "module < 64 MiB",
            upload.ModuleWorstGrowth.WorkingSetBytes < 64 * MiB);
        table.Add($"(b) peak managed-heap growth during the upload, worst of {upload.Rounds}",
            $"+{upload.ModuleWorstGrowth.ManagedBytes / MiB:F1} MiB", $"+{upload.BaselineWorstGrowth.ManagedBytes / MiB:F1} MiB", "-", "module < 64 MiB",
            upload.ModuleWorstGrowth.ManagedBytes < 64 * MiB);
        table.Add($"(c) fleet upgrade, {fleet.Fleet} sensors, -ThrottleLimit {fleet.Throttle}",
            $"{fleet.FleetSeconds:F2} s", $"{fleet.IdealSeconds:F2} s ideal = {fleet.Waves} x {fleet.SingleSeconds:F2} s single", $"{fleet.Ratio:F2}", "<= 1.15", fleet.Ratio <= 1.15);
        table.Add("(c) most appliances busy at once (host.MaxConcurrentBusy)",
            $"{fleet.MaxConcurrentBusy}", "-", "-", $"<= {fleet.Throttle}", fleet.MaxConcurrentBusy <= fleet.Throttle);

        Console.WriteLine();
        Console.Write(table.ToMarkdown());
        Console.WriteLine($"Load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}. Anything above the core count means other work shared the CPUs and the wall-clock rows are noisy.");
        Console.WriteLine($"The simulator runs in this process (it hashes and discards the body), so memory growth includes its side of the upload, for both columns. Heaps were collected before each upload.");
        Console.WriteLine($"Fleet time scale {fleet.TimeScale:F0}: one upgrade job is {fleet.SimulatedUpgradeSeconds / 60:F1} simulated minutes (measured), {FleetBenchmark.TargetSingleSeconds} s real; the single baseline and the fleet use -PollIntervalSec 0.1 and a 64 KiB image.");
        return 0;
    }
}
