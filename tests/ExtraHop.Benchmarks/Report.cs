using System.Text;

namespace ExtraHop.Benchmarks;

/// <summary>What the run measured, as the Markdown table of ratios and goals plus the notes a reader needs to trust it.</summary>
internal static class Report
{
    private const double MiB = 1024 * 1024;

    public static string Write(BenchmarkOptions options, UploadResult upload, FleetResult fleet, RestResult rest, HealthResult health, string loadBefore, string loadAfter)
    {
        var table = new ResultTable();
        double uploadRatio = upload.ModuleBestMiBps / upload.BaselineBestMiBps;
        table.Add($"(a) upload throughput, {options.UploadMiB} MiB image, best of {upload.Rounds} rounds each, order alternating",
            $"{upload.ModuleBestMiBps:F1} MiB/s", $"{upload.BaselineBestMiBps:F1} MiB/s (raw HttpClient)", $"{uploadRatio:F3}", ">= 0.90", uploadRatio >= 0.9);
        table.Add($"(a) same, median of the {upload.Rounds} per-round ratios (each round's two uploads back to back)",
            "-", "-", $"{upload.MedianRoundRatio:F3}", ">= 0.90", upload.MedianRoundRatio >= 0.9);
        table.Add($"(a) process CPU per GiB uploaded (client and in-process simulator), least of {upload.Rounds}",
            $"{upload.ModuleLeastCpuPerGiB:F2} s", $"{upload.BaselineLeastCpuPerGiB:F2} s", $"{upload.ModuleLeastCpuPerGiB / upload.BaselineLeastCpuPerGiB:F3}", "-", null);
        table.Add($"(b) peak working-set growth during the upload, worst of {upload.Rounds}",
            $"+{upload.ModuleWorstGrowth.WorkingSetBytes / MiB:F1} MiB", $"+{upload.BaselineWorstGrowth.WorkingSetBytes / MiB:F1} MiB", "-", "module < 64 MiB",
            upload.ModuleWorstGrowth.WorkingSetBytes < 64 * MiB);
        table.Add($"(b) peak managed-heap growth during the upload, worst of {upload.Rounds}",
            $"+{upload.ModuleWorstGrowth.ManagedBytes / MiB:F1} MiB", $"+{upload.BaselineWorstGrowth.ManagedBytes / MiB:F1} MiB", "-", "module < 64 MiB",
            upload.ModuleWorstGrowth.ManagedBytes < 64 * MiB);
        table.Add($"(c) fleet upgrade, {fleet.Fleet} sensors, -ThrottleLimit {fleet.Throttle}",
            $"{fleet.FleetSeconds:F2} s", $"{fleet.IdealSeconds:F2} s ideal = {fleet.Waves} x {fleet.SingleSeconds:F2} s single", $"{fleet.Ratio:F3}", "<= 1.15", fleet.Ratio <= 1.15);
        table.Add("(c) most appliances busy at once (host.MaxConcurrentBusy)",
            $"{fleet.MaxConcurrentBusy}", "-", "-", $"<= {fleet.Throttle}", fleet.MaxConcurrentBusy <= fleet.Throttle);

        double scriptRatio = rest.ModuleBest / rest.ScriptBest;
        double scriptMedian = rest.MedianRoundRatio(rest.ScriptSeconds);
        table.Add($"(d) {rest.Calls:N0} x Invoke-EHRestMethod GET users against the same PowerShell loop with HttpClient + JsonDocument, best of {rest.Rounds} rounds each",
            $"{rest.ModuleBest:F2} s", $"{rest.ScriptBest:F2} s (script: raw HttpClient + JSON parsing)", $"{scriptRatio:F3}", "<= 1.30", scriptRatio <= 1.3);
        table.Add($"(d) same, median of the {rest.Rounds} per-round ratios (the sides of a round back to back)",
            "-", "-", $"{scriptMedian:F3}", "<= 1.30", scriptMedian <= 1.3);
        table.Add($"(d) for scale: the same calls as a C# loop (no PowerShell at all), best of {rest.Rounds}",
            $"{rest.ModuleBest:F2} s", $"{rest.CSharpBest:F2} s (C#: raw HttpClient + JSON parsing)", $"{rest.ModuleBest / rest.CSharpBest:F3}", "-", null);

        table.Add($"(e) health report, {health.Fleet} appliances (console, sensors, recordstores), -ThrottleLimit {health.Throttle}, {health.LatencyMilliseconds} ms per answer",
            $"{health.FleetSeconds:F2} s", $"{health.IdealSeconds:F2} s ideal = {health.Waves} x {health.SlowestSingleSeconds:F3} s slowest single (of {health.SinglesMeasured})", $"{health.Ratio:F3}", "<= 1.20", health.Ratio <= 1.2);
        table.Add("(e) same, against the median single report instead of the slowest (a stricter reading)",
            $"{health.FleetSeconds:F2} s", $"{health.Waves * health.MedianSingleSeconds:F2} s = {health.Waves} x {health.MedianSingleSeconds:F3} s median single", $"{health.FleetSeconds / (health.Waves * health.MedianSingleSeconds):F3}", "-", null);

        var text = new StringBuilder(table.ToMarkdown());
        text.AppendLine($"Load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}. Anything above the core count means other work shared the CPUs and the wall-clock rows are noisy.");
        text.AppendLine("The simulator runs in this process (it hashes and discards the body), so memory growth includes its side of the upload, for both columns. Heaps were collected before each upload.");
        text.AppendLine("The REST rows' PowerShell sides are a for loop in one pipeline; the module side also turns every answer into PowerShell objects, the script side only parses it. The C# row shows what PowerShell itself costs per call.");
        text.AppendLine($"Fleet time scale {fleet.TimeScale:F0}: one upgrade job is {fleet.SimulatedUpgradeSeconds / 60:F1} simulated minutes (measured), {FleetBenchmark.TargetSingleSeconds} s real; the single baseline and the fleet use -PollIntervalSec 0.1 and a 64 KiB image.");
        return text.ToString();
    }
}
