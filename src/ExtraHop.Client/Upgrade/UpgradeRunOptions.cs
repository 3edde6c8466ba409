using System;
using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    internal sealed class UpgradeRunOptions
    {
        public int ThrottleLimit { get; set; } = 4;
        /// <summary>Per appliance, from the start of its upload or download to the end of its job.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(1);
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
        public bool SkipCompatibilityCheck { get; set; }
        /// <summary>-AcceptNewCertificate: re-pin a session whose appliance comes back from its restart with another certificate.</summary>
        public bool AcceptNewCertificate { get; set; }
        /// <summary>How long re-enabling a cluster's ingest is tried (with growing pauses) before the user is told to do it.</summary>
        public TimeSpan IngestRestoreTimeout { get; set; } = TimeSpan.FromMinutes(5);
    }

    /// <summary>How the runner tells the cmdlet what is happening; called from worker threads.</summary>
    internal interface IUpgradeObserver
    {
        /// <param name="percentComplete">-1 when unknown.</param>
        void Progress(UpgradePlanEntry appliance, string status, int percentComplete);

        /// <summary>An appliance is done (recordstores only once their cluster's ingest is settled).</summary>
        void Finished(FirmwareUpgradeResult result);

        void Note(string message);

        /// <summary>Something the user must see even without -Verbose (a session re-pinned to a new certificate).</summary>
        void Warn(string message);
    }
}
