using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Simulator.Hosting;

/// <summary>
/// Work a host runs on its own (appliance drivers, image downloads). The host cancels and awaits all of
/// it when it stops, so disposing a host leaves nothing running behind.
/// </summary>
internal sealed class BackgroundWork : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _lock = new();
    private readonly HashSet<Task> _running = new();
    private bool _stopRequested;

    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts work unless the host is stopping (then nothing would wait for it).</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        Task task;
        lock (_lock)
        {
            if (_stopRequested)
            {
                return;
            }

            task = Task.Run(() => work(_stopping.Token));
            _running.Add(task);
        }

        task.ContinueWith(
            finished =>
            {
                lock (_lock)
                {
                    _running.Remove(finished);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public async Task StopAsync()
    {
        Task[] running;
        lock (_lock)
        {
            _stopRequested = true;
            running = _running.ToArray();
        }

        _stopping.Cancel();

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how the work was told to stop.
        }
    }

    public void Dispose() => _stopping.Dispose();
}
