using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Simulator.Cli;

/// <summary>The command-line simulator: starts appliances, says how to reach them, runs until told to stop.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Run with --help for the options.");
            return 2;
        }

        if (command.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        if (command.WriteImage is not null)
        {
            var version = command.ImageVersion ?? "9.9.2.1234";
            FirmwareImage.Create(command.WriteImage, version, command.ImageBytes);
            Console.WriteLine($"Wrote firmware image {command.WriteImage} (version {version}).");
            return 0;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });

        SimulatorHost host;
        try
        {
            host = await SimulatorHost.StartAsync(Deployments.Build(command)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            Console.Error.WriteLine($"The simulator could not start: {e.Message}");
            return 1;
        }

        await using (host.ConfigureAwait(false))
        {
            var caPath = command.CaOut ?? Path.Combine(Path.GetTempPath(), $"extrahop-simulator-{Environment.ProcessId}-ca.pem");
            File.WriteAllText(caPath, host.CaCertificatePem);
            try
            {
                if (command.InfoFile is not null)
                {
                    ConnectionReport.WriteInfoFile(command.InfoFile, host, caPath);
                }

                ConnectionReport.Print(Console.Out, host, caPath, command.TimeScale);
                Console.WriteLine("Simulator ready. Press Ctrl+C to stop.");
                Console.Out.Flush();

                if (command.ExitOnStdinEof)
                {
                    WatchStandardInput(stop);
                }

                await stop.Task.ConfigureAwait(false);
                Console.WriteLine("Stopping the simulator.");
            }
            finally
            {
                // A CA file the user did not ask to keep goes away with the simulator.
                if (command.CaOut is null)
                {
                    File.Delete(caPath);
                }
            }
        }

        return 0;
    }

    /// <summary>Stops the simulator when standard input reaches its end (the parent process closed it or went away).</summary>
    private static void WatchStandardInput(TaskCompletionSource stop)
    {
        var watcher = new Thread(() =>
        {
            while (Console.In.Read() >= 0)
            {
            }

            stop.TrySetResult();
        })
        {
            IsBackground = true,
            Name = "stdin watcher",
        };
        watcher.Start();
    }
}
