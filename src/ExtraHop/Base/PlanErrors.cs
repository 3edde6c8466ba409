using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ExtraHop.Models;
using ExtraHop.Upgrade;

namespace ExtraHop.Base
{
    /// <summary>The errors that stop an upgrade before it starts, or that the user must act on after it ends.</summary>
    internal static class PlanErrors
    {
        public static ErrorRecord Refused(UpgradePlan plan)
        {
            IEnumerable<string> broken = plan.Rules.Where(r => !r.Passed).Select(r => $"- {r.Rule}: {r.Detail}");
            string message = "The upgrade plan breaks these rules, so nothing was changed:" + Environment.NewLine + string.Join(Environment.NewLine, broken);
            return new ErrorRecord(new InvalidOperationException(message), ErrorIds.UpgradePlanRefused, ErrorCategory.InvalidOperation, plan)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Fix what the rules name (Get-EHUpgradePlan shows the whole plan), then run the upgrade again. -Force does not override these rules." },
            };
        }

        public static ErrorRecord IngestNotRestored(IReadOnlyList<IngestRestoreFailure> failures)
        {
            string clusters = string.Join(Environment.NewLine, failures.Select(f => $"- cluster {f.ClusterId}: {f.LastError}{Environment.NewLine}  run: {f.Command}"));
            string message = "Record ingest could NOT be re-enabled after the upgrade; records sent to these recordstore clusters are being dropped until you turn it back on:" + Environment.NewLine + clusters;
            return new ErrorRecord(new InvalidOperationException(message), ErrorIds.IngestNotRestored, ErrorCategory.InvalidResult, failures.Select(f => f.ClusterId).ToArray())
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = string.Join("; ", failures.Select(f => f.Command)) },
            };
        }
    }
}
