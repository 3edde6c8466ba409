using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator;

namespace ExtraHop.Benchmarks;

/// <summary>
/// (d) N calls of <c>Invoke-EHRestMethod GET users</c> in a PowerShell loop, against the same loop with a raw HttpClient
/// and JSON parsing instead of the cmdlet (what a script author writes without the module), and, for scale, against
/// a C# loop doing the same (<see cref="RawRestLoop"/>). All three talk to one simulated appliance in this process
/// through one kept-alive connection each. Rounds rotate which side goes first; the report takes the best round of
/// each side and the median of the per-round ratios.
/// </summary>
internal static class RestBenchmark
{
    // Enough calls for the runtime to finish compiling the hot paths of every side before the rounds start.
    private const int WarmUpCalls = 1000;

    private const string ModuleLoop = """
        for ($i = 0; $i -lt $args[0]; $i++) { $null = Invoke-EHRestMethod GET users }
        @(Invoke-EHRestMethod GET users).Count
        """;

    // The same loop, with the HttpClient call and the JSON parsing written out as a script would (the client trusts
    // exactly the simulator's certificate, like the module's session); it returns the user count of a call.
    private const string RawScriptLoop = """
        for ($i = 0; $i -lt $args[0]; $i++) {
            $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, $rawUri)
            $null = $request.Headers.TryAddWithoutValidation('Authorization', $rawAuthorization)
            $null = $request.Headers.TryAddWithoutValidation('Accept', 'application/json')
            $response = $rawClient.SendAsync($request).GetAwaiter().GetResult()
            $null = $response.EnsureSuccessStatusCode()
            $document = [System.Text.Json.JsonDocument]::Parse($response.Content.ReadAsStringAsync().GetAwaiter().GetResult())
            $users = $document.RootElement.GetArrayLength()
            $document.Dispose(); $response.Dispose(); $request.Dispose()
        }
        $users
        """;

    // The same loop as a script author who wants objects writes it: the body through ConvertFrom-Json, which builds the
    // same kind of [pscustomobject]s the module returns. The goal is judged against this side: same work, same output.
    private const string ConvertFromJsonLoop = """
        for ($i = 0; $i -lt $args[0]; $i++) {
            $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, $rawUri)
            $null = $request.Headers.TryAddWithoutValidation('Authorization', $rawAuthorization)
            $null = $request.Headers.TryAddWithoutValidation('Accept', 'application/json')
            $response = $rawClient.SendAsync($request).GetAwaiter().GetResult()
            $null = $response.EnsureSuccessStatusCode()
            $users = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult() | ConvertFrom-Json
            $response.Dispose(); $request.Dispose()
        }
        $users.Count
        """;

    public static async Task<RestResult> RunAsync(string manifestPath, int calls, int rounds)
    {
        var options = new SimulatorOptions { TimeScale = 1200 };
        options.Appliances.Add(new ApplianceOptions { Name = "rest1" });
        await using var host = await SimulatorHost.StartAsync(options);
        var appliance = host.Appliances[0];

        using var shell = new ModuleShell(manifestPath);
        shell.SetVariable("benchKey", ModuleShell.Secure(appliance.ApiKey));
        await shell.InvokeAsync($"$null = Connect-ExtraHop -Server '{appliance.Server}' -ApiKey $benchKey -CertificateThumbprint '{host.CertificateSha256}'");
        using var raw = new RawRestLoop(appliance.Server, appliance.ApiKey, host.CertificateSha256);
        shell.SetVariable("rawClient", raw.Client);
        shell.SetVariable("rawUri", raw.UsersUri);
        shell.SetVariable("rawAuthorization", raw.Authorization);

        var sides = new (string Name, Func<int, Task<int>> Run)[]
        {
            ("Invoke-EHRestMethod                ", n => UsersReadAsync(shell, ModuleLoop, n)),
            ("script: HttpClient+JsonDocument     ", n => UsersReadAsync(shell, RawScriptLoop, n)),
            ("script: HttpClient+ConvertFrom-Json", n => UsersReadAsync(shell, ConvertFromJsonLoop, n)),
            ("C#: HttpClient+JsonDocument         ", n => raw.RunAsync(n)),
        };

        // Warm every path (JIT, connection, TLS session, command discovery) so the rounds measure the calls.
        foreach (var side in sides)
        {
            await side.Run(WarmUpCalls);
        }

        var seconds = sides.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int turn = 0; turn < sides.Length; turn++)
            {
                int side = (round + turn) % sides.Length;
                var clock = Stopwatch.StartNew();
                int users = await sides[side].Run(calls);
                double elapsed = clock.Elapsed.TotalSeconds;
                if (users != 4)
                {
                    throw new InvalidOperationException($"{sides[side].Name.Trim()} read {users} users in a call, not the simulator's 4.");
                }

                seconds[side].Add(elapsed);
                Console.WriteLine($"  rest round {round + 1}, {sides[side].Name}: {calls} calls in {elapsed:F2} s ({elapsed / calls * 1000:F3} ms per call)");
            }
        }

        return new RestResult(calls, rounds, seconds[0], seconds[1], seconds[2], seconds[3]);
    }

    /// <summary>Runs one of the script loops; it writes how many users its last call read.</summary>
    private static async Task<int> UsersReadAsync(ModuleShell shell, string loop, int calls) =>
        Convert.ToInt32((await shell.InvokeAsync(loop, calls)).Single().BaseObject);
}

/// <summary>The seconds of each round of the four sides of the REST row.</summary>
internal sealed record RestResult(int Calls, int Rounds, IReadOnlyList<double> ModuleSeconds, IReadOnlyList<double> ScriptSeconds,
    IReadOnlyList<double> ConvertFromJsonSeconds, IReadOnlyList<double> CSharpSeconds)
{
    public double ModuleBest => ModuleSeconds.Min();

    public double ScriptBest => ScriptSeconds.Min();

    public double ConvertFromJsonBest => ConvertFromJsonSeconds.Min();

    public double CSharpBest => CSharpSeconds.Min();

    /// <summary>Each round ran the sides back to back, so their ratio is less exposed to load that comes and goes.</summary>
    public double MedianRoundRatio(IReadOnlyList<double> baseline)
    {
        var ratios = ModuleSeconds.Zip(baseline, (m, b) => m / b).OrderBy(r => r).ToArray();
        return ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : (ratios[(ratios.Length / 2) - 1] + ratios[ratios.Length / 2]) / 2;
    }
}
