using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using ExtraHop.Models;
using ExtraHop.Upgrade;

namespace ExtraHop.Base
{
    /// <summary>
    /// Turns what the upgrade runner reports (from worker threads) into pipeline writes queued for the pipeline
    /// thread: one parent progress bar ("3 of 12 appliances done"), one child bar per appliance in flight, each
    /// result the moment it is final, and the failure of each appliance that did not succeed (see ExtraHopCmdlet.WriteApplianceFailure).
    /// </summary>
    internal sealed class UpgradeProgressObserver : IUpgradeObserver
    {
        private const int ParentActivityId = 7200;
        private readonly Action<Action<ExtraHopCmdlet>> post;
        private readonly string activity;
        private readonly int total;
        private readonly ConcurrentDictionary<string, ProgressLine> lines = new ConcurrentDictionary<string, ProgressLine>(StringComparer.OrdinalIgnoreCase);
        private int finished;
        private int nextChildId = ParentActivityId + 1;

        public UpgradeProgressObserver(Action<Action<ExtraHopCmdlet>> post, string activity, int total)
        {
            this.post = post;
            this.activity = activity;
            this.total = total;
        }

        public void Start() => post(cmdlet => cmdlet.WriteProgress(Parent()));

        public void Progress(UpgradePlanEntry appliance, string status, int percentComplete)
        {
            ProgressLine line = lines.GetOrAdd(appliance.Server, server => new ProgressLine(Interlocked.Increment(ref nextChildId), server, ParentActivityId));
            ProgressRecord? record = line.Update(status, percentComplete);
            if (record != null) post(cmdlet => cmdlet.WriteProgress(record));
        }

        public void Finished(FirmwareUpgradeResult result)
        {
            int done = Interlocked.Increment(ref finished);
            post(cmdlet =>
            {
                if (lines.TryGetValue(result.Server, out ProgressLine? line)) cmdlet.WriteProgress(line.Completed());
                cmdlet.WriteObject(result);
                ErrorRecord? error = UpgradeErrors.For(result);
                if (error != null) cmdlet.WriteApplianceFailure(error, result.Server);
                cmdlet.WriteProgress(done == total ? new ProgressRecord(ParentActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed } : Parent());
            });
        }

        public void Note(string message) => post(cmdlet => cmdlet.WriteVerbose(message));

        public void Warn(string message) => post(cmdlet => cmdlet.WriteWarning(message));

        private ProgressRecord Parent() =>
            new ProgressRecord(ParentActivityId, activity, $"{finished} of {total} appliances done") { PercentComplete = total == 0 ? 0 : finished * 100 / total };
    }
}
