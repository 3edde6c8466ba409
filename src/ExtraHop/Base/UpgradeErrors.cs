using System;
using System.Management.Automation;
using ExtraHop.Models;

namespace ExtraHop.Base
{
    /// <summary>The error record that goes with an appliance's unsuccessful upgrade result (none for success, a cancelled run, or an appliance already at the target).</summary>
    internal static class UpgradeErrors
    {
        public static ErrorRecord? For(FirmwareUpgradeResult result)
        {
            switch (result.Status)
            {
                case UpgradeStatus.Failed:
                    if (result.Failure is JobFailedException jobFailed) return JobErrors.Failed(jobFailed);
                    if (result.Failure != null)
                    {
                        ErrorRecord mapped = ErrorMapper.ToErrorRecord(result.Failure, result.Server);
                        mapped.ErrorDetails = new ErrorDetails(result.Error);
                        return mapped;
                    }
                    return Record(result, ErrorIds.UpgradeFailed, ErrorCategory.InvalidResult);
                case UpgradeStatus.TimedOut:
                    if (result.Failure is JobWaitTimeoutException waited && result.Session != null)
                    {
                        return new ErrorRecord(waited, ErrorIds.UpgradeTimedOut, ErrorCategory.OperationTimeout, result)
                        {
                            ErrorDetails = new ErrorDetails(waited.Message) { RecommendedAction = waited.ResumeCommand },
                        };
                    }
                    return Record(result, ErrorIds.UpgradeTimedOut, ErrorCategory.OperationTimeout);
                case UpgradeStatus.Skipped:
                    return result.AlreadyAtTarget ? null : Record(result, ErrorIds.UpgradeSkipped, ErrorCategory.OperationStopped);
                default:
                    return null;
            }
        }

        private static ErrorRecord Record(FirmwareUpgradeResult result, string id, ErrorCategory category) =>
            new ErrorRecord(new InvalidOperationException(result.Error ?? $"{result.Server}: {result.Status}"), id, category, result);
    }
}
