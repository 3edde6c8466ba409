using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Upgrade
{
    /// <summary>
    /// Runs one piece of work per appliance with at most <c>throttleLimit</c> at once. Each appliance is
    /// independent: the work reports its own failure as a result rather than throwing, so one appliance failing
    /// never stops the others. Results are handed to <c>completed</c> the moment each finishes (completion order,
    /// on a worker thread: the caller queues them for the pipeline thread). After cancellation, appliances not yet
    /// started are reported through <c>notStarted</c>, never silently dropped.
    /// </summary>
    internal static class FleetRunner
    {
        public static async Task<List<TResult>> RunAsync<TItem, TResult>(
            IEnumerable<TItem> items,
            int throttleLimit,
            Func<TItem, CancellationToken, Task<TResult>> work,
            Func<TItem, TResult> notStarted,
            Action<TResult>? completed,
            CancellationToken cancellationToken)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), "The throttle limit must be at least 1.");
            var results = new ConcurrentQueue<TResult>();
            using (var gate = new SemaphoreSlim(throttleLimit, throttleLimit))
            {
                async Task RunOneAsync(TItem item)
                {
                    bool started = false;
                    try
                    {
                        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                        started = true;
                    }
                    catch (OperationCanceledException)
                    {
                        // Ctrl+C before this appliance's turn: it is reported as not started.
                    }

                    TResult result;
                    try
                    {
                        result = started ? await work(item, cancellationToken).ConfigureAwait(false) : notStarted(item);
                    }
                    finally
                    {
                        if (started) gate.Release();
                    }
                    results.Enqueue(result);
                    completed?.Invoke(result);
                }

                await Task.WhenAll(items.Select(item => Task.Run(() => RunOneAsync(item), CancellationToken.None))).ConfigureAwait(false);
            }
            return results.ToList();
        }
    }
}
