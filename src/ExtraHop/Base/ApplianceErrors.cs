using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Base
{
    /// <summary>Error records for appliance operations the module refused before sending them, and for remote upgrades that failed on some appliances.</summary>
    internal static class ApplianceErrors
    {
        public static ErrorRecord Refused(ApplianceRefusedException refused, object? target)
        {
            switch (refused.Refusal)
            {
                case ApplianceRefusal.ConsoleOnly:
                    return new ErrorRecord(refused, ErrorIds.ConsoleOnly, ErrorCategory.InvalidOperation, target)
                    {
                        ErrorDetails = new ErrorDetails(refused.Message) { RecommendedAction = "Run it against the console (Get-EHSession shows each session's Role)." },
                    };
                case ApplianceRefusal.NotIdsSensor:
                    return new ErrorRecord(refused, ErrorIds.NotIdsSensor, ErrorCategory.InvalidArgument, target);
                case ApplianceRefusal.LocalAppliance:
                    return new ErrorRecord(refused, ErrorIds.LocalAppliance, ErrorCategory.InvalidArgument, target);
                default:
                    return new ErrorRecord(refused, ErrorIds.NotFound, ErrorCategory.ObjectNotFound, target);
            }
        }

        /// <summary>The console's job ended DONE, but the upgrade of some connected appliances did not; the record's target is the job.</summary>
        public static ErrorRecord RemoteJobsFailed(ExtraHopJob job, IReadOnlyList<RemoteJob> failed)
        {
            string which = string.Join("; ", failed.Select(r => $"appliance {r.SystemId}: {r.Status}{(string.IsNullOrEmpty(r.Details) ? string.Empty : " (" + r.Details + ")")}"));
            string message = $"{job.Server} ran job {job.Id} to upgrade its connected appliances, but {failed.Count} of {job.RemoteJobs.Length} did not end DONE: {which}.";
            return new ErrorRecord(new System.InvalidOperationException(message), ErrorIds.RemoteJobFailed, ErrorCategory.InvalidResult, job)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Check those appliances (Get-EHAppliance -Id <id>) and run the upgrade again for them." },
            };
        }
    }
}
