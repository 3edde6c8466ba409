using System;
using System.Globalization;

namespace ExtraHop.Benchmarks;

/// <summary>What to measure and how big: the command line, parsed.</summary>
internal sealed record BenchmarkOptions(int UploadMiB, int Fleet, int Throttle, int UploadRounds, bool Quick, int RestCalls = 1000,
    int DownloadMiB = 1024, bool DownloadsOnly = false,
    int BackupFleet = 100, int BackupThrottle = 20, bool BackupOnly = false, int BackupDelayMs = BackupBenchmark.DefaultReadDelayMs,
    int HealthFleet = 100, int HealthThrottle = 20, bool HealthOnly = false)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/ExtraHop.Benchmarks -- [options]
          --upload-mib N   size of the uploaded image in MiB (default 1024)
          --fleet N        sensors upgraded at once (default 50)
          --throttle N     -ThrottleLimit of the fleet upgrade (default 10)
          --rounds N       upload and REST rounds, alternating which side goes first (default 5, at least 2)
          --rest-calls N   Invoke-EHRestMethod GET users calls per REST round (default 1000)
          --download-mib N size of the support pack and of the packet capture downloaded, in MiB (default 1024)
          --downloads-only only the download rows (support pack and packets), skipping upload, fleet and REST
          --quick          a fast smoke run: 64 MiB, 10 sensors, throttle 3, 2 rounds (explicit options still win)
          --backup-fleet N     sensors backed up at once by Export-EHRunningConfig (default 100)
          --backup-throttle N  -ThrottleLimit of that backup (default 20)
          --backup-delay-ms N  real time each simulated appliance takes to answer its config (default 1000)
          --backup-only        measure only the fleet backup
          --health N           appliances in the health report (default 100, also with --quick)
          --health-throttle N  -ThrottleLimit of the health report (default 20)
          --health-only        measure only the health report
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        bool quick = Array.IndexOf(args, "--quick") >= 0;
        var options = quick ? new BenchmarkOptions(64, 10, 3, 2, true, DownloadMiB: 64) : new BenchmarkOptions(1024, 50, 10, 5, false);
        for (int i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "--downloads-only" => options with { DownloadsOnly = true },
                "--download-mib" => options with { DownloadMiB = Number(args, ref i, 1, 64 * 1024) },
                "--upload-mib" => options with { UploadMiB = Number(args, ref i, 1, 64 * 1024) },
                "--fleet" => options with { Fleet = Number(args, ref i, 1, 500) },
                "--throttle" => options with { Throttle = Number(args, ref i, 1, 64) },
                "--rounds" => options with { UploadRounds = Number(args, ref i, 2, 20) },
                "--rest-calls" => options with { RestCalls = Number(args, ref i, 1, 100_000) },
                "--backup-fleet" => options with { BackupFleet = Number(args, ref i, 1, 500) },
                "--backup-throttle" => options with { BackupThrottle = Number(args, ref i, 1, 64) },
                "--backup-delay-ms" => options with { BackupDelayMs = Number(args, ref i, 0, 60_000) },
                "--backup-only" => options with { BackupOnly = true },
                "--health" => options with { HealthFleet = Number(args, ref i, 2, 500) },
                "--health-throttle" => options with { HealthThrottle = Number(args, ref i, 1, 64) },
                "--health-only" => options with { HealthOnly = true },
                _ => throw new FormatException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        return options;
    }

    private static int Number(string[] args, ref int i, int min, int max)
    {
        string option = args[i];
        if (++i >= args.Length || !int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new FormatException($"{option} needs a whole number from {min} to {max}.");
        }

        return value;
    }
}
