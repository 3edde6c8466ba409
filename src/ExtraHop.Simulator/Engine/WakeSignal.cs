using System;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Simulator.Engine;

/// <summary>
/// Wakes an appliance's driver early: it sleeps until the next scheduled transition, and a new job or a
/// finished download changes that schedule.
/// </summary>
internal sealed class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _signals = new(0);

    public void Set() => _signals.Release();

    /// <summary>Waits for a signal or the timeout; signals that piled up while nobody waited count as one.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _signals.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        while (_signals.Wait(0))
        {
        }
    }

    public void Dispose() => _signals.Dispose();
}
