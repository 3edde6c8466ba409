using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace ExtraHop.Simulator.Tests.TestSupport;

/// <summary>
/// Polls a job the way a patient client does, through the appliance's reboot, and writes down each
/// distinct thing it saw: "refused" (no connection), "503 text/html" (booting), "404", "RUNNING 2" ...
/// </summary>
public static class JobWatcher
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(15);

    /// <remarks>
    /// Polls on the thread pool, not on xunit's context: that context has one thread per core and is
    /// shared by every test running in parallel, so a busy neighbour would make the poller miss phases.
    /// </remarks>
    public static Task<(JsonElement Job, IReadOnlyList<string> Seen)> WaitAsync(
        SimulatorClient client, SimulatedAppliance appliance, string location, TimeSpan? timeout = null) =>
        Task.Run(() => PollAsync(client, appliance, location, timeout ?? TimeSpan.FromSeconds(30)));

    private static async Task<(JsonElement Job, IReadOnlyList<string> Seen)> PollAsync(
        SimulatorClient client, SimulatedAppliance appliance, string location, TimeSpan limit)
    {
        var seen = new List<string>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            string observation;
            try
            {
                var response = await client.GetAsync(appliance, location).ConfigureAwait(false);
                if (response.Status == 200)
                {
                    var job = response.Json;
                    var status = job.GetProperty("status").GetString()!;
                    observation = $"{status} {job.GetProperty("step_number").GetInt32()}";
                    if (status is "DONE" or "FAILED" or "TIMEOUT")
                    {
                        Note(seen, observation);
                        return (job.Clone(), seen);
                    }
                }
                else
                {
                    observation = $"{response.Status} {response.ContentType}";
                }
            }
            catch (HttpRequestException)
            {
                observation = "refused";
            }

            Note(seen, observation);
            await Task.Delay(PollInterval).ConfigureAwait(false);
        }

        throw new TimeoutException($"The job at {location} did not finish within {limit}; seen: {string.Join(", ", seen)}");
    }

    /// <summary>Waits until a restarting appliance has booted (its event says so) and serves the API again.</summary>
    public static Task WaitUntilBootedAsync(SimulatorClient client, SimulatorHost host, SimulatedAppliance appliance, TimeSpan? timeout = null) =>
        Task.Run(async () =>
        {
            var limit = timeout ?? TimeSpan.FromSeconds(30);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                if (host.Events.Any(e => e.Appliance == appliance.Name && e.Kind == SimulatorEventKind.Booted))
                {
                    try
                    {
                        if ((await client.GetAsync(appliance, "/api/v1/extrahop").ConfigureAwait(false)).Status == 200)
                        {
                            return;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The port is reopening.
                    }
                }

                await Task.Delay(PollInterval).ConfigureAwait(false);
            }

            throw new TimeoutException($"{appliance.Name} did not come back within {limit}");
        });

    private static void Note(List<string> seen, string observation)
    {
        if (seen.Count == 0 || seen[^1] != observation)
        {
            seen.Add(observation);
        }
    }
}
