using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using ExtraHop.Simulator;

namespace ExtraHop.Benchmarks;

/// <summary>
/// (a) Upload throughput of Send-EHFirmware against a raw HttpClient POST of the same file to the same simulated
/// appliance, and (b) how far the process's memory rises during each. Rounds alternate which side goes first;
/// throughput is the best round of each side, memory growth the worst. The process CPU time of each upload is
/// kept too: on a shared machine wall-clock rates swing with other load, CPU seconds per GiB much less.
/// </summary>
internal static class UploadBenchmark
{
    private const double MiB = 1024 * 1024;
    private const long WarmUpBytes = 4 * 1024 * 1024;

    public static async Task<UploadResult> RunAsync(string manifestPath, int uploadMiB, int rounds)
    {
        string folder = Directory.CreateTempSubdirectory("extrahop-bench-").FullName;
        try
        {
            var options = new SimulatorOptions { TimeScale = 1200 };
            options.Appliances.Add(new ApplianceOptions { Name = "upload1" });
            await using var host = await SimulatorHost.StartAsync(options);
            var appliance = host.Appliances[0];

            string warmUp = Path.Combine(folder, "warmup-9.9.2.1234.tar");
            string image = Path.Combine(folder, "bench-9.9.2.1234.tar");
            FirmwareImage.Create(warmUp, "9.9.2.1234", WarmUpBytes);
            FirmwareImage.Create(image, "9.9.2.1234", (long)uploadMiB * 1024 * 1024);
            long imageBytes = new FileInfo(image).Length;

            using var shell = new ModuleShell(manifestPath);
            shell.SetVariable("benchKey", ModuleShell.Secure(appliance.ApiKey));
            await shell.InvokeAsync($"$null = Connect-ExtraHop -Server '{appliance.Server}' -ApiKey $benchKey -CertificateThumbprint '{host.CertificateSha256}'");
            using var raw = new RawUpload(appliance.Server, appliance.ApiKey, host.CertificateSha256);

            // Warm both paths (JIT, connection, TLS session) so the rounds measure moving bytes.
            await raw.PostAsync(warmUp);
            await shell.InvokeAsync("$null = Send-EHFirmware -Path $args[0] -Confirm:$false", warmUp);

            var result = new UploadResult(imageBytes, rounds);
            for (int round = 0; round < rounds; round++)
            {
                bool baselineFirst = round % 2 == 0;
                for (int side = 0; side < 2; side++)
                {
                    bool baseline = (side == 0) == baselineFirst;
                    var (seconds, cpuSeconds, growth) = baseline
                        ? await MeasureAsync(() => raw.PostAsync(image))
                        : await MeasureAsync(() => shell.InvokeAsync("$null = Send-EHFirmware -Path $args[0] -Confirm:$false", image));
                    CheckArrived(appliance, imageBytes);
                    double rate = imageBytes / MiB / seconds;
                    double cpuPerGiB = cpuSeconds / (imageBytes / MiB / 1024);
                    Console.WriteLine($"  upload round {round + 1}, {(baseline ? "baseline HttpClient" : "Send-EHFirmware    ")}: {rate,7:F1} MiB/s, {cpuPerGiB:F2} CPU s/GiB, working set +{growth.WorkingSetBytes / MiB:F1} MiB, managed heap +{growth.ManagedBytes / MiB:F1} MiB");
                    result.Add(baseline, rate, cpuPerGiB, growth);
                }
            }

            return result;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Times one transfer from a collected heap: wall seconds, process CPU seconds and peak memory growth (downloads use it too).</summary>
    internal static async Task<(double Seconds, double CpuSeconds, MemoryGrowth Growth)> MeasureAsync(Func<Task> upload)
    {
        // Both sides start from the same collected heap, so the growth is what the upload itself needs.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        using var sampler = MemorySampler.Start();
        var clock = Stopwatch.StartNew();
        await upload();
        double seconds = clock.Elapsed.TotalSeconds;
        var growth = sampler.Stop();
        process.Refresh();
        return (seconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, growth);
    }

    private static void CheckArrived(SimulatedAppliance appliance, long expectedBytes)
    {
        if (appliance.BytesReceivedLastUpload != expectedBytes)
        {
            throw new InvalidOperationException($"The appliance received {appliance.BytesReceivedLastUpload} bytes, not {expectedBytes}.");
        }
    }
}
