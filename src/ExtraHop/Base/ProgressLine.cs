using System;
using System.Management.Automation;

namespace ExtraHop.Base
{
    /// <summary>
    /// One progress bar, throttled by time (a few records a second at most, never one per buffer or poll), because
    /// Windows PowerShell 5.1 slows to a crawl when progress is written too often. Thread-safe; the caller posts the
    /// records it returns to the pipeline thread.
    /// </summary>
    internal sealed class ProgressLine
    {
        private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(250);
        private readonly object gate = new object();
        private readonly int activityId;
        private readonly string activity;
        private readonly int parentId;
        private DateTime lastWritten = DateTime.MinValue;

        public ProgressLine(int activityId, string activity, int parentId = -1)
        {
            this.activityId = activityId;
            this.activity = activity;
            this.parentId = parentId;
        }

        /// <summary>A record to write now, or null when one was written too recently; the next update shows the news.</summary>
        public ProgressRecord? Update(string status, int percentComplete)
        {
            lock (gate)
            {
                DateTime now = DateTime.UtcNow;
                if (now - lastWritten < MinimumInterval) return null;
                lastWritten = now;
                return new ProgressRecord(activityId, activity, string.IsNullOrEmpty(status) ? activity : status)
                {
                    ParentActivityId = parentId,
                    PercentComplete = Math.Max(-1, Math.Min(100, percentComplete)),
                };
            }
        }

        public ProgressRecord Completed() =>
            new ProgressRecord(activityId, activity, "Done") { ParentActivityId = parentId, RecordType = ProgressRecordType.Completed };
    }
}
