using System;
using System.Threading;

namespace ExtraHop.Http
{
    /// <summary>
    /// Ends a long request that has stopped making progress, in place of a fixed timeout: an upload of a 2 GiB
    /// image may rightly take an hour, but not a minute and a half without a single byte accepted.
    /// </summary>
    internal sealed class RequestWatchdog : IDisposable
    {
        private readonly CancellationTokenSource tripped = new CancellationTokenSource();
        private readonly Timer timer;
        private readonly TimeSpan idleLimit;
        private readonly TimeSpan answerLimit;
        private readonly string transfer;
        private long lastActivityTicks;
        private long bodyFinishedTicks;
        private bool paused;

        /// <param name="idleLimit">How long the body may go without a byte accepted.</param>
        /// <param name="answerLimit">How long, after the last byte, the appliance may take to answer.</param>
        /// <param name="transfer">What moves ("upload", "download"), for the reason it gives when it ends the request.</param>
        public RequestWatchdog(TimeSpan idleLimit, TimeSpan answerLimit, string transfer = "upload")
        {
            this.idleLimit = idleLimit;
            this.answerLimit = answerLimit;
            this.transfer = transfer;
            Touch();
            TimeSpan period = TimeSpan.FromMilliseconds(Math.Max(50, Math.Min(1000, idleLimit.TotalMilliseconds / 4)));
            timer = new Timer(_ => Check(), null, period, period);
        }

        public CancellationToken Token => tripped.Token;

        /// <summary>Why the watchdog ended the request, once it has.</summary>
        public string? Reason { get; private set; }

        public void Touch() => Interlocked.Exchange(ref lastActivityTicks, DateTime.UtcNow.Ticks);

        /// <summary>Starts watching a new attempt of the request: the clock restarts and the body is not sent yet.</summary>
        public void Restart()
        {
            Touch();
            Interlocked.Exchange(ref bodyFinishedTicks, 0);
            Volatile.Write(ref paused, false);
        }

        /// <summary>Stops watching while the request waits to be sent again (a Retry-After may rightly be long).</summary>
        public void Pause() => Volatile.Write(ref paused, true);

        public void BodyFinished() => Interlocked.Exchange(ref bodyFinishedTicks, DateTime.UtcNow.Ticks);

        public void Dispose()
        {
            timer.Dispose();
            tripped.Dispose();
        }

        private void Check()
        {
            if (Volatile.Read(ref paused)) return;
            long now = DateTime.UtcNow.Ticks;
            long finished = Interlocked.Read(ref bodyFinishedTicks);
            if (finished == 0 && now - Interlocked.Read(ref lastActivityTicks) > idleLimit.Ticks)
            {
                Trip($"the {transfer} stalled: no data moved for {idleLimit.TotalSeconds:0} seconds");
            }
            else if (finished != 0 && now - finished > answerLimit.Ticks)
            {
                Trip($"the appliance did not answer within {answerLimit.TotalSeconds:0} seconds after the upload finished");
            }
        }

        private void Trip(string reason)
        {
            if (Reason != null) return;
            Reason = reason;
            try
            {
                tripped.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
