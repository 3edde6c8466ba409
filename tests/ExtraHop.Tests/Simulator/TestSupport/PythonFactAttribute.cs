using System;
using System.Diagnostics;
using Xunit;

namespace ExtraHop.Simulator.Tests.TestSupport;

/// <summary>A test that needs Python 3 with the requests package; skipped where they are missing.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Interpreter = new(Find);

    public PythonFactAttribute()
    {
        if (Interpreter.Value is null)
        {
            Skip = "python3 with the requests package is not installed";
        }
    }

    /// <summary>The command that runs a Python with requests; null when there is none.</summary>
    public static string? Command => Interpreter.Value;

    private static string? Find()
    {
        foreach (var candidate in new[] { "python3", "python" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, "-c \"import requests\"")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                });
                if (probe is not null && probe.WaitForExit(TimeSpan.FromSeconds(20)) && probe.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name.
            }
        }

        return null;
    }
}
