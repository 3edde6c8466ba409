using System.Text;

namespace ExtraHop.Benchmarks;

/// <summary>What the run measured, as the Markdown table of ratios and goals plus the notes a reader needs to trust it.</summary>
internal static class Report
{
    private const double MiB = 1024 * 1024;

    public static string Write(BenchmarkOptions options, UploadResult upload, FleetResult fleet, RestResult rest, BackupResult backup, HealthResult health, string loadBefore, string loadAfter)
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

        double objectsRatio = rest.ModuleBest / rest.ConvertFromJsonBest;
        double objectsMedian = rest.MedianRoundRatio(rest.ConvertFromJsonSeconds);
        table.Add($"(d) {rest.Calls:N0} x Invoke-EHRestMethod GET users against the same PowerShell loop with HttpClient + ConvertFrom-Json, best of {rest.Rounds} rounds each",
            $"{rest.ModuleBest:F2} s", $"{rest.ConvertFromJsonBest:F2} s (script: raw HttpClient + ConvertFrom-Json)", $"{objectsRatio:F3}", "<= 1.30", objectsRatio <= 1.3);
        table.Add($"(d) same, median of the {rest.Rounds} per-round ratios (the sides of a round back to back)",
            "-", "-", $"{objectsMedian:F3}", "<= 1.30", objectsMedian <= 1.3);
        table.Add($"(d) for scale: the loop parsing with JsonDocument and building no objects, best of {rest.Rounds} (median per-round ratio {rest.MedianRoundRatio(rest.ScriptSeconds):F3})",
            $"{rest.ModuleBest:F2} s", $"{rest.ScriptBest:F2} s (script: raw HttpClient + JsonDocument)", $"{rest.ModuleBest / rest.ScriptBest:F3}", "-", null);
        table.Add($"(d) for scale: the same calls as a C# loop (no PowerShell at all), best of {rest.Rounds}",
            $"{rest.ModuleBest:F2} s", $"{rest.CSharpBest:F2} s (C#: raw HttpClient + JSON parsing)", $"{rest.ModuleBest / rest.CSharpBest:F3}", "-", null);

        AddBackupRows(table, backup);
        AddHealthRows(table, health);

        var text = new StringBuilder(table.ToMarkdown());
        text.AppendLine($"Load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}. Anything above the core count means other work shared the CPUs and the wall-clock rows are noisy.");
        text.AppendLine("The simulator runs in this process (it hashes and discards the body), so memory growth includes its side of the upload, for both columns. Heaps were collected before each upload.");
        text.AppendLine("The REST rows' PowerShell sides are a for loop in one pipeline. The module and the ConvertFrom-Json loop both turn every answer into [pscustomobject]s, which is most of a call's cost; the JsonDocument loop only parses it, and the C# row shows what PowerShell itself costs per call.");
        text.AppendLine($"Fleet time scale {fleet.TimeScale:F0}: one upgrade job is {fleet.SimulatedUpgradeSeconds / 60:F1} simulated minutes (measured), {FleetBenchmark.TargetSingleSeconds} s real; the single baseline and the fleet use -PollIntervalSec 0.1 and a 64 KiB image.");
        text.AppendLine(BackupNote(backup));
        text.AppendLine(HealthNote(health));
        return text.ToString();
    }

    /// <summary>The download rows: support pack and packet capture against raw HttpClient streaming downloads of the same bytes.</summary>
    public static string WriteDownloads(BenchmarkOptions options, DownloadResults downloads, string loadBefore, string loadAfter)
    {
        var table = new ResultTable();
        foreach (var (name, cmdlet, client) in new[] { ("Save-EHSupportPack", downloads.Pack, downloads.PackClient), ("Save-EHPacket", downloads.Packets, downloads.PacketsClient) })
        {
            double ratio = cmdlet.ModuleBestMiBps / cmdlet.BaselineBestMiBps;
            table.Add($"(g) {name} download, {options.DownloadMiB} MiB, best of {cmdlet.Rounds} rounds each, order rotating",
                $"{cmdlet.ModuleBestMiBps:F1} MiB/s", $"{cmdlet.BaselineBestMiBps:F1} MiB/s (raw HttpClient)", $"{ratio:F3}", ">= 0.90", ratio >= 0.9);
            table.Add($"(g) same, median of the {cmdlet.Rounds} per-round ratios",
                "-", "-", $"{cmdlet.MedianRoundRatio:F3}", ">= 0.90", cmdlet.MedianRoundRatio >= 0.9);
            table.Add($"(g) peak working-set growth during the {name} download, worst of {cmdlet.Rounds}",
                $"+{cmdlet.ModuleWorstGrowth.WorkingSetBytes / MiB:F1} MiB", $"+{cmdlet.BaselineWorstGrowth.WorkingSetBytes / MiB:F1} MiB", "-", "module < 64 MiB",
                cmdlet.ModuleWorstGrowth.WorkingSetBytes < 64 * MiB);
            table.Add($"(g) for scale: the same download by the module's client from C# (no PowerShell), best of {client.Rounds} (median per-round ratio {client.MedianRoundRatio:F3})",
                $"{client.ModuleBestMiBps:F1} MiB/s", $"{client.BaselineBestMiBps:F1} MiB/s (raw HttpClient)", $"{client.ModuleBestMiBps / client.BaselineBestMiBps:F3}", "-", null);
        }

        var text = new StringBuilder(table.ToMarkdown());
        text.AppendLine($"Load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}.");
        text.AppendLine("The simulator runs in this process and generates the bytes as it sends them, for every side; each side writes a new file of the same size each round.");
        text.AppendLine("The cmdlets run on a pipeline thread of their own, as in pwsh. The client row calls the same ExtraHop.Client from C#: when it keeps up with the raw download and the cmdlet does not, the gap is in the cmdlet or PowerShell, not the download code.");
        return text.ToString();
    }

    /// <summary>The fleet backup's rows alone (--backup-only).</summary>
    public static string WriteBackup(BackupResult backup, string loadBefore, string loadAfter)
    {
        var table = new ResultTable();
        AddBackupRows(table, backup);
        var text = new StringBuilder(table.ToMarkdown());
        text.AppendLine($"Load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}. Anything above the core count means other work shared the CPUs and the wall-clock rows are noisy.");
        text.AppendLine(BackupNote(backup));
        return text.ToString();
    }

    /// <summary>The health report's rows alone (--health-only).</summary>
    public static string WriteHealth(HealthResult health, string loadBefore, string loadAfter)
    {
        var table = new ResultTable();
        AddHealthRows(table, health);
        var text = new StringBuilder(table.ToMarkdown());
        text.AppendLine($"Load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}. Anything above the core count means other work shared the CPUs and the wall-clock rows are noisy.");
        text.AppendLine(HealthNote(health));
        return text.ToString();
    }

    private static string HealthNote(HealthResult health) =>
        $"Health: every simulated appliance answers each request {health.LatencyMilliseconds} ms late (real time, as over a WAN); sessions are connected before the clock starts; single reports are of {health.SinglesMeasured} appliances of every kind, one at a time, and the slowest of them sets the ideal (consoles and recordstores have more checks than sensors).";

    private static void AddHealthRows(ResultTable table, HealthResult health)
    {
        table.Add($"(f) Get-EHHealthReport, {health.Fleet} appliances (console, sensors, recordstores), -ThrottleLimit {health.Throttle}",
            $"{health.FleetSeconds:F2} s", $"{health.IdealSeconds:F2} s ideal = {health.Waves} x {health.SlowestSingleSeconds:F3} s slowest single", $"{health.Ratio:F3}", "<= 1.20", health.Ratio <= 1.2);
        table.Add("(f) same, against the median single report instead of the slowest (a stricter reading)",
            $"{health.FleetSeconds:F2} s", $"{health.Waves * health.MedianSingleSeconds:F2} s = {health.Waves} x {health.MedianSingleSeconds:F3} s median single", $"{health.FleetSeconds / (health.Waves * health.MedianSingleSeconds):F3}", "-", null);
    }

    private static string BackupNote(BackupResult backup) =>
        $"Backup: every simulated appliance takes {backup.ReadDelayMs} ms (real, --backup-delay-ms) to answer its config; sessions are connected before the clock starts; the single baseline is the best of 6 one-appliance runs.";

    private static void AddBackupRows(ResultTable table, BackupResult backup)
    {
        table.Add($"(e) Export-EHRunningConfig, {backup.Fleet} sensors, -ThrottleLimit {backup.Throttle}",
            $"{backup.FleetSeconds:F2} s", $"{backup.IdealSeconds:F2} s ideal = {backup.Waves} x {backup.SingleSeconds:F3} s single", $"{backup.Ratio:F3}", "<= 1.20", backup.Ratio <= 1.2);
        table.Add("(e) same again into the same folder (every backup Unchanged)",
            $"{backup.RepeatSeconds:F2} s", $"{backup.IdealSeconds:F2} s", $"{backup.RepeatRatio:F3}", "<= 1.20", backup.RepeatRatio <= 1.2);
    }
}
