using System;
using System.Globalization;

namespace ExtraHop.Benchmarks;

/// <summary>What to measure and how big: the command line, parsed.</summary>
internal sealed record BenchmarkOptions(int UploadMiB, int Fleet, int Throttle, int UploadRounds, bool Quick, int RestCalls = 1000, int HealthFleet = 100, int HealthThrottle = 20)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/ExtraHop.Benchmarks -- [options]
          --upload-mib N   size of the uploaded image in MiB (default 1024)
          --fleet N        sensors upgraded at once (default 50)
          --throttle N     -ThrottleLimit of the fleet upgrade (default 10)
          --rounds N       upload and REST rounds, alternating which side goes first (default 5, at least 2)
          --rest-calls N   Invoke-EHRestMethod GET users calls per REST round (default 1000)
          --health N       appliances in the health report (default 100, also with --quick)
          --health-throttle N  -ThrottleLimit of the health report (default 20)
          --quick          a fast smoke run: 64 MiB, 10 sensors, throttle 3, 2 rounds (explicit options still win)
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        bool quick = Array.IndexOf(args, "--quick") >= 0;
        var options = quick ? new BenchmarkOptions(64, 10, 3, 2, true) : new BenchmarkOptions(1024, 50, 10, 5, false);
        for (int i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "--upload-mib" => options with { UploadMiB = Number(args, ref i, 1, 64 * 1024) },
                "--fleet" => options with { Fleet = Number(args, ref i, 1, 500) },
                "--throttle" => options with { Throttle = Number(args, ref i, 1, 64) },
                "--rounds" => options with { UploadRounds = Number(args, ref i, 2, 20) },
                "--rest-calls" => options with { RestCalls = Number(args, ref i, 1, 100_000) },
                "--health" => options with { HealthFleet = Number(args, ref i, 2, 500) },
                "--health-throttle" => options with { HealthThrottle = Number(args, ref i, 1, 64) },
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
