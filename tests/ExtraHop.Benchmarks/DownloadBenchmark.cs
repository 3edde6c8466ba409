using System;
using System.IO;
using System.Threading.Tasks;
using ExtraHop.Simulator;

namespace ExtraHop.Benchmarks;

/// <summary>
/// Download throughput of Save-EHSupportPack and Save-EHPacket against a raw HttpClient streaming download of the
/// same bytes from the same simulated appliance (the simulator generates them on the fly), and how far the
/// process's memory rises during each. Rounds alternate which side goes first, like the upload rows; each side's
/// file is deleted after its round, so both write a new file of the same size.
/// </summary>
internal static class DownloadBenchmark
{
    private const double MiB = 1024 * 1024;
    private const string PackName = "diagnostics-default.expk";

    public static async Task<(UploadResult Pack, UploadResult Packets)> RunAsync(string manifestPath, int downloadMiB, int rounds)
    {
        string folder = Directory.CreateTempSubdirectory("extrahop-bench-dl-").FullName;
        try
        {
            long bytes = (long)downloadMiB * 1024 * 1024;
            var options = new SimulatorOptions { TimeScale = 1200 };
            options.Appliances.Add(new ApplianceOptions { Name = "download1", Version = "9.9.2.1234", SupportPackBytes = bytes, PacketCaptureBytes = bytes });
            await using var host = await SimulatorHost.StartAsync(options);
            var appliance = host.Appliances[0];

            using var shell = new ModuleShell(manifestPath);
            shell.SetVariable("benchKey", ModuleShell.Secure(appliance.ApiKey));
            shell.SetVariable("folder", folder);
            await shell.InvokeAsync($"$null = Connect-ExtraHop -Server '{appliance.Server}' -ApiKey $benchKey -CertificateThumbprint '{host.CertificateSha256}'");
            using var raw = new RawDownload(appliance.Server, appliance.ApiKey, host.CertificateSha256);
            string rawFile = Path.Combine(folder, "raw.bin");
            string moduleFile = Path.Combine(folder, PackName);
            string captureFile = Path.Combine(folder, "capture.pcap");
            // The same search on both sides: the last ten minutes as a pcap (the simulator's whole capture).
            const string search = "{\"output\":\"pcap\",\"from\":-600000,\"until\":0}";

            // Warm both paths (JIT, connection, TLS session) with one download each.
            await raw.GetAsync("supportpacks/" + PackName, rawFile);
            await shell.InvokeAsync("$null = Save-EHSupportPack $args[0] -Destination $folder -Force", PackName);
            await raw.PostJsonAsync("packets/search", search, rawFile);
            await shell.InvokeAsync("$null = Save-EHPacket -From '-10m' -Path $args[0] -Force", captureFile);

            var pack = new UploadResult(bytes, rounds);
            var packets = new UploadResult(bytes, rounds);
            for (int round = 0; round < rounds; round++)
            {
                for (int side = 0; side < 2; side++)
                {
                    bool baseline = (side == 0) == (round % 2 == 0);
                    await MeasureOneAsync(pack, "support pack", baseline, round, baseline ? rawFile : moduleFile,
                        baseline
                            ? () => raw.GetAsync("supportpacks/" + PackName, rawFile)
                            : () => SavedBytesAsync(shell, "$null = Save-EHSupportPack $args[0] -Destination $folder -Force", PackName, moduleFile));
                }

                for (int side = 0; side < 2; side++)
                {
                    bool baseline = (side == 0) == (round % 2 == 0);
                    await MeasureOneAsync(packets, "packets     ", baseline, round, baseline ? rawFile : captureFile,
                        baseline
                            ? () => raw.PostJsonAsync("packets/search", search, rawFile)
                            : () => SavedBytesAsync(shell, "$null = Save-EHPacket -From '-10m' -Path $args[0] -Force", captureFile, captureFile));
                }
            }

            return (pack, packets);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> SavedBytesAsync(ModuleShell shell, string script, string argument, string file)
    {
        await shell.InvokeAsync(script, argument);
        return new FileInfo(file).Length;
    }

    private static async Task MeasureOneAsync(UploadResult result, string what, bool baseline, int round, string file, Func<Task<long>> download)
    {
        long saved = 0;
        var (seconds, cpuSeconds, growth) = await UploadBenchmark.MeasureAsync(async () => saved = await download());
        File.Delete(file);
        if (saved < result.ImageBytes * 9 / 10)
        {
            throw new InvalidOperationException($"The {what.Trim()} download saved {saved} bytes, expected about {result.ImageBytes}.");
        }

        double rate = saved / MiB / seconds;
        double cpuPerGiB = cpuSeconds / (saved / MiB / 1024);
        Console.WriteLine($"  {what} round {round + 1}, {(baseline ? "baseline HttpClient" : "module cmdlet      ")}: {rate,7:F1} MiB/s, {cpuPerGiB:F2} CPU s/GiB, working set +{growth.WorkingSetBytes / MiB:F1} MiB, managed heap +{growth.ManagedBytes / MiB:F1} MiB");
        result.Add(baseline, rate, cpuPerGiB, growth);
    }
}
