using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace ExtraHop.Base
{
    /// <summary>
    /// What work running on other threads hands to the pipeline thread (WriteObject, WriteProgress...), until the work
    /// ends. It does what a BlockingCollection did here, without the exception a BlockingCollection throws and catches
    /// inside itself to wake a waiting consumer when adding completes: one call of a cmdlet in a tight loop felt that.
    /// </summary>
    internal sealed class PipelineQueue : IDisposable
    {
        private readonly ConcurrentQueue<Action> actions = new ConcurrentQueue<Action>();
        private readonly SemaphoreSlim signal = new SemaphoreSlim(0);
        private volatile bool completed;

        /// <summary>Adds an action; false once the work has ended (there is nobody left to perform it).</summary>
        public bool TryAdd(Action action)
        {
            if (completed) return false;
            actions.Enqueue(action);
            signal.Release();
            return true;
        }

        /// <summary>The work has ended: what is queued is still performed, then <see cref="Consume"/> ends.</summary>
        public void Complete()
        {
            completed = true;
            signal.Release();
        }

        /// <summary>The actions in the order they came, waiting for more until <see cref="Complete"/>.</summary>
        public IEnumerable<Action> Consume()
        {
            while (true)
            {
                signal.Wait();
                while (actions.TryDequeue(out Action? action)) yield return action;
                if (completed)
                {
                    while (actions.TryDequeue(out Action? late)) yield return late;
                    yield break;
                }
            }
        }

        public void Dispose() => signal.Dispose();
    }
}
