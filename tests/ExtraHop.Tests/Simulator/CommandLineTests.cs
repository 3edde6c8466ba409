using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

/// <summary>The simulator as users run it: a process that prints how to connect and runs until stopped.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly List<Process> _started = new();

    public void Dispose()
    {
        // A failed assertion must not leave a simulator running.
        foreach (var process in _started)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }

        _temp.Dispose();
    }

    [Fact]
    public async Task DeploymentStartsEveryRoleWritesConnectionDetailsAndStopsWhenStdinCloses()
    {
        var info = Path.Combine(_temp.Path, "info.json");
        var ca = Path.Combine(_temp.Path, "ca.pem");
        var simulator = Start("--deployment", "--time-scale", "1200", "--version", "9.8.2.1100", "--info-file", info, "--ca-out", ca, "--exit-on-stdin-eof");

        var printed = await ReadUntilReadyAsync(simulator);

        using var details = JsonDocument.Parse(await File.ReadAllTextAsync(info));
        var root = details.RootElement;
        Assert.Equal(Path.GetFullPath(ca), root.GetProperty("caCertificatePath").GetString());
        Assert.Matches("^[0-9A-F]{64}$", root.GetProperty("certificateSha256").GetString());
        var appliances = root.GetProperty("appliances").EnumerateArray().ToArray();
        Assert.Equal(new[] { "console1", "sensor1", "sensor2", "rs1", "rs2", "rs3", "ps1" }, appliances.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("Recordstore", appliances[3].GetProperty("role").GetString());

        using var client = new SimulatorClient(await File.ReadAllTextAsync(ca));
        var rs2 = appliances[4];
        var cluster = await client.SendAsync(rs2.GetProperty("server").GetString()!, HttpMethod.Get, "/api/v1/extrahop/cluster", null, $"ExtraHop apikey={rs2.GetProperty("apiKey").GetString()}");
        Assert.Equal("rsc1", cluster.Json.GetProperty("cluster_id").GetString());
        Assert.Equal("data", cluster.Json.GetProperty("node_type").GetString());
        var console = appliances[0];
        var system = await client.SendAsync(console.GetProperty("server").GetString()!, HttpMethod.Get, "/api/v1/extrahop", null, $"ExtraHop apikey={console.GetProperty("apiKey").GetString()}");
        Assert.Equal(("9.8.2.1100", "command"), (system.Json.GetProperty("version").GetString(), system.Json.GetProperty("platform").GetString()));

        Assert.Contains($"Connect-ExtraHop -Server {console.GetProperty("server").GetString()} -ApiKey (ConvertTo-SecureString '{console.GetProperty("apiKey").GetString()}' -AsPlainText -Force) -CertificateThumbprint {root.GetProperty("certificateSha256").GetString()}", printed);

        simulator.StandardInput.Close();
        Assert.True(simulator.WaitForExit(TimeSpan.FromSeconds(15)), "the simulator did not stop when stdin closed");
        Assert.Equal(0, simulator.ExitCode);
        Assert.True(File.Exists(ca), "a CA file the user asked for is kept");
    }

    [Fact]
    public async Task HelpAndBadOptionsExplainThemselves()
    {
        var help = Start("--help");
        var usage = await help.StandardOutput.ReadToEndAsync();
        await help.WaitForExitAsync();
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--appliances", usage);
        Assert.Contains("--exit-on-stdin-eof", usage);

        var bad = Start("--appliances", "many");
        var error = await bad.StandardError.ReadToEndAsync();
        await bad.WaitForExitAsync();
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--appliances", error);
    }

    [Fact]
    public async Task WriteImageMakesAnImageThatCarriesItsVersionAndStartsNoAppliance()
    {
        var image = Path.Combine(_temp.Path, "demo.tar");
        var writer = Start("--write-image", image, "--image-version", "9.9.3.2000");
        var printed = await writer.StandardOutput.ReadToEndAsync();
        await writer.WaitForExitAsync();

        Assert.Equal(0, writer.ExitCode);
        Assert.DoesNotContain("Simulator ready", printed);
        await using var file = File.OpenRead(image);
        Assert.Equal("9.9.3.2000", FirmwareImage.ReadVersion(file));
        Assert.Equal(64 * 1024, file.Length);
    }

    [Fact]
    public async Task HelpSaysImageMibCountsMebibytesAndTheImageIs64KiBWithoutIt()
    {
        var help = Start("--help");
        var usage = await help.StandardOutput.ReadToEndAsync();
        await help.WaitForExitAsync();

        Assert.Contains("--image-mib N (size in MiB; without it the image is 64 KiB)", System.Text.RegularExpressions.Regex.Replace(usage, @"\s+", " "));
    }

    private Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ExtraHop.Simulator.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _started.Add(process);
        return process;
    }

    private static async Task<string> ReadUntilReadyAsync(Process simulator)
    {
        var printed = new System.Text.StringBuilder();
        var reading = Task.Run(async () =>
        {
            while (await simulator.StandardOutput.ReadLineAsync() is { } line)
            {
                printed.AppendLine(line);
                if (line.StartsWith("Simulator ready", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        });
        if (!await reading.WaitAsync(TimeSpan.FromSeconds(60)))
        {
            // Only now, with the simulator gone, can its error output be read to the end.
            Assert.Fail("no 'Simulator ready' line: " + printed + await simulator.StandardError.ReadToEndAsync());
        }

        return printed.ToString();
    }
}
