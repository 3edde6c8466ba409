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
            void Report(TResult result)
            {
                results.Enqueue(result);
                completed?.Invoke(result);
            }

            using (var gate = new SemaphoreSlim(throttleLimit, throttleLimit))
            {
                // Slots are taken in the order the appliances were given, so a CSV's rows start top to bottom.
                var running = new List<Task>();
                foreach (TItem item in items)
                {
                    try
                    {
                        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        Report(notStarted(item));
                        continue;
                    }

                    // Ctrl+C ends the running work, whose slot can then reach this waiter before the cancellation
                    // does (the work may finish inside Cancel itself): a slot won after cancellation starts nothing.
                    if (cancellationToken.IsCancellationRequested)
                    {
                        gate.Release();
                        Report(notStarted(item));
                        continue;
                    }

                    running.Add(Task.Run(async () =>
                    {
                        TResult result;
                        try
                        {
                            result = await work(item, cancellationToken).ConfigureAwait(false);
                        }
                        finally
                        {
                            gate.Release();
                        }
                        Report(result);
                    }, CancellationToken.None));
                }
                await Task.WhenAll(running).ConfigureAwait(false);
            }
            return results.ToList();
        }
    }
}
