using System.Collections.Generic;
using System.Linq;
using ExtraHop.Models;
using ExtraHop.Upgrade;

namespace ExtraHop.Base
{
    /// <summary>
    /// The last lines of an upgrade run, written as warnings so that they show whatever $ErrorActionPreference
    /// says: which appliances were not upgraded, then, last because the user must act on it at once, each
    /// recordstore cluster whose record ingest is still off, with the command that turns it back on.
    /// </summary>
    internal static class UpgradeSummary
    {
        public static IEnumerable<string> Warnings(IReadOnlyCollection<FirmwareUpgradeResult> results, IReadOnlyList<IngestRestoreFailure> ingestFailures)
        {
            // An appliance already at the target had nothing to do: it is done, not "not upgraded".
            List<FirmwareUpgradeResult> unsuccessful = results.Where(r => r.Status != UpgradeStatus.Succeeded && !r.AlreadyAtTarget).ToList();
            if (unsuccessful.Count > 0)
            {
                string which = string.Join(", ", unsuccessful.Select(r => $"{r.Server} ({r.Status})"));
                yield return $"{unsuccessful.Count} of {results.Count} appliances were not upgraded: {which}. The Status and Error of each result say why.";
            }
            foreach (IngestRestoreFailure failure in ingestFailures)
            {
                yield return $"Record ingest of recordstore cluster {failure.ClusterId} is still OFF, so records sent to it are being dropped. Turn it back on now: {failure.Command}";
            }
        }
    }
}
