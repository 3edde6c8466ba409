using System;
using System.IO;
using System.Threading.Tasks;
using ExtraHop.Simulator;

namespace ExtraHop.Benchmarks;

/// <summary>
/// Download throughput of Save-EHSupportPack and Save-EHPacket against a raw HttpClient streaming download of the
/// same bytes from the same simulated appliance (the simulator generates them on the fly), and how far the
/// process's memory rises during each. A third side, the module's client called from C#, tells whether a gap is
/// the client's or the cmdlet's. Each round rotates which side goes first; each file is deleted after its download
/// (and the warm-up files before the first round), so every side writes a new file of the same size.
/// </summary>
internal static class DownloadBenchmark
{
    private const double MiB = 1024 * 1024;
    private const string PackName = "diagnostics-default.expk";

    // The same search on every side: the last ten minutes as a pcap (the simulator's whole capture).
    private const string RawSearch = "{\"output\":\"pcap\",\"from\":-600000,\"until\":0}";
    private static readonly TimeSpan SearchWindow = TimeSpan.FromMinutes(10);

    public static async Task<DownloadResults> RunAsync(string manifestPath, int downloadMiB, int rounds)
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
            var client = await ClientDownload.ConnectAsync(appliance.Server, ModuleShell.Secure(appliance.ApiKey), host.CertificateSha256);
            string rawFile = Path.Combine(folder, "raw.bin");
            string cmdletPack = Path.Combine(folder, PackName);
            string cmdletCapture = Path.Combine(folder, "capture.pcap");
            string clientFile = Path.Combine(folder, "client.bin");

            var packSides = new DownloadSide[]
            {
                new(Side.Raw, rawFile, () => raw.GetAsync("supportpacks/" + PackName, rawFile)),
                new(Side.Cmdlet, cmdletPack, () => SavedBytesAsync(shell, "$null = Save-EHSupportPack $args[0] -Destination $folder -Force", PackName, cmdletPack)),
                new(Side.Client, clientFile, () => client.SupportPackAsync(PackName, clientFile)),
            };
            var packetSides = new DownloadSide[]
            {
                new(Side.Raw, rawFile, () => raw.PostJsonAsync("packets/search", RawSearch, rawFile)),
                new(Side.Cmdlet, cmdletCapture, () => SavedBytesAsync(shell, "$null = Save-EHPacket -From '-10m' -Path $args[0] -Force", cmdletCapture, cmdletCapture)),
                new(Side.Client, clientFile, () => client.PacketsAsync(SearchWindow, clientFile)),
            };

            // Warm every path (JIT, connection, TLS session) with one download each, then start from an empty folder.
            foreach (var side in packSides) await side.Download();
            foreach (var side in packetSides) await side.Download();
            foreach (string warm in Directory.GetFiles(folder)) File.Delete(warm);

            var results = new DownloadResults(bytes, rounds);
            for (int round = 0; round < rounds; round++)
            {
                await RoundAsync("support pack", packSides, round, results.Pack, results.PackClient);
                await RoundAsync("packets     ", packetSides, round, results.Packets, results.PacketsClient);
            }

            return results;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private enum Side
    {
        Raw,
        Cmdlet,
        Client,
    }

    private sealed record DownloadSide(Side Side, string File, Func<Task<long>> Download);

    /// <summary>One download by each side, starting with a different side each round; the raw one is the baseline of both comparisons.</summary>
    private static async Task RoundAsync(string what, DownloadSide[] sides, int round, UploadResult cmdlet, UploadResult client)
    {
        for (int turn = 0; turn < sides.Length; turn++)
        {
            DownloadSide side = sides[(round + turn) % sides.Length];
            var (rate, cpuPerGiB, growth) = await MeasureOneAsync(what, side, cmdlet.ImageBytes);
            string label = side.Side switch
            {
                Side.Raw => "baseline HttpClient",
                Side.Cmdlet => "module cmdlet      ",
                _ => "module client (C#) ",
            };
            Console.WriteLine($"  {what} round {round + 1}, {label}: {rate,7:F1} MiB/s, {cpuPerGiB:F2} CPU s/GiB, working set +{growth.WorkingSetBytes / MiB:F1} MiB, managed heap +{growth.ManagedBytes / MiB:F1} MiB");
            switch (side.Side)
            {
                case Side.Raw:
                    cmdlet.Add(baseline: true, rate, cpuPerGiB, growth);
                    client.Add(baseline: true, rate, cpuPerGiB, growth);
                    break;
                case Side.Cmdlet:
                    cmdlet.Add(baseline: false, rate, cpuPerGiB, growth);
                    break;
                default:
                    client.Add(baseline: false, rate, cpuPerGiB, growth);
                    break;
            }
        }
    }

    private static async Task<long> SavedBytesAsync(ModuleShell shell, string script, string argument, string file)
    {
        await shell.InvokeAsync(script, argument);
        return new FileInfo(file).Length;
    }

    private static async Task<(double Rate, double CpuPerGiB, MemoryGrowth Growth)> MeasureOneAsync(string what, DownloadSide side, long expectedBytes)
    {
        long saved = 0;
        var (seconds, cpuSeconds, growth) = await UploadBenchmark.MeasureAsync(async () => saved = await side.Download());
        File.Delete(side.File);
        if (saved < expectedBytes * 9 / 10)
        {
            throw new InvalidOperationException($"The {what.Trim()} download by the {side.Side} side saved {saved} bytes, expected about {expectedBytes}.");
        }

        return (saved / MiB / seconds, cpuSeconds / (saved / MiB / 1024), growth);
    }
}

/// <summary>The download rounds: the cmdlet against the raw HttpClient, and the client alone against the same raw downloads.</summary>
internal sealed class DownloadResults
{
    public DownloadResults(long bytes, int rounds)
    {
        Pack = new UploadResult(bytes, rounds);
        PackClient = new UploadResult(bytes, rounds);
        Packets = new UploadResult(bytes, rounds);
        PacketsClient = new UploadResult(bytes, rounds);
    }

    public UploadResult Pack { get; }
    public UploadResult PackClient { get; }
    public UploadResult Packets { get; }
    public UploadResult PacketsClient { get; }
}
