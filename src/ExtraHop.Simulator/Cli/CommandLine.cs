using System;
using System.Collections.Generic;
using System.Globalization;

namespace ExtraHop.Simulator.Cli;

/// <summary>The simulator's command-line options, parsed.</summary>
internal sealed record CommandLine(
    int ApplianceCount,
    bool Deployment,
    double TimeScale,
    string? Version,
    int BasePort,
    string? CaOut,
    string? InfoFile,
    bool ExitOnStdinEof,
    bool Help,
    string? WriteImage = null,
    string? ImageVersion = null,
    long ImageBytes = 64 * 1024)
{
    public const string Usage = """
        ExtraHop appliance simulator: simulated ExtraHop appliances speaking the REST API over HTTPS on 127.0.0.1.

        Usage: ExtraHop.Simulator [options]
          (from a source tree: dotnet run --project src/ExtraHop.Simulator -- [options])

        Options:
          --appliances N         Simulate N sensors named eh1..ehN (default 1).
          --deployment           Simulate a mixed deployment instead: console1; sensor1, sensor2;
                                 recordstores rs1 (manager), rs2, rs3 (data) in cluster rsc1; packetstore ps1.
          --time-scale X         Simulated seconds per real second (default 1). 1200 makes a
                                 20-minute upgrade take about a second.
          --version V            Firmware version every appliance runs at start (default 9.8.1.1000).
          --base-port P          Give the appliances ports P, P+1, ... (default: any free ports).
          --ca-out PATH          Write the CA certificate (PEM) here; trust it to verify TLS.
                                 Default: a file in the temporary folder, removed on exit.
          --info-file PATH       Write connection details (servers, API keys, fingerprint) as JSON here.
          --exit-on-stdin-eof    Stop when standard input closes (for scripts driving the simulator).
          --write-image PATH     Write a firmware image the simulator accepts (a tar carrying its version)
                                 and exit, without starting any appliance. With --image-version V
                                 (default 9.9.2.1234) and --image-mib N (size in MiB; without it the
                                 image is 64 KiB).
          --help                 Show this help.

        The simulator prints "Simulator ready" once every appliance is listening, and runs until
        Ctrl+C or SIGTERM.
        """;

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a message for the user.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine(1, false, 1, null, 0, null, null, false, false);
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            result = option switch
            {
                "--appliances" => result with { ApplianceCount = ParseInt(option, Value(args, ref i), 1, 1000) },
                "--deployment" => result with { Deployment = true },
                "--time-scale" => result with { TimeScale = ParseScale(Value(args, ref i)) },
                "--version" => result with { Version = Value(args, ref i) },
                "--base-port" => result with { BasePort = ParseInt(option, Value(args, ref i), 1, 65535) },
                "--ca-out" => result with { CaOut = Value(args, ref i) },
                "--info-file" => result with { InfoFile = Value(args, ref i) },
                "--exit-on-stdin-eof" => result with { ExitOnStdinEof = true },
                "--write-image" => result with { WriteImage = Value(args, ref i) },
                "--image-version" => result with { ImageVersion = Value(args, ref i) },
                "--image-mib" => result with { ImageBytes = ParseInt(option, Value(args, ref i), 1, 16384) * 1024L * 1024 },
                "--help" or "-h" or "-?" => result with { Help = true },
                _ => throw new FormatException($"Unknown option '{option}'."),
            };
        }

        return result;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new FormatException($"Option '{args[i]}' needs a value.");
        }

        return args[++i];
    }

    private static int ParseInt(string option, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"Option '{option}' needs a whole number from {min} to {max}, not '{text}'.");

    private static double ParseScale(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && !double.IsInfinity(value)
            ? value
            : throw new FormatException($"Option '--time-scale' needs a positive number, not '{text}'.");
}
