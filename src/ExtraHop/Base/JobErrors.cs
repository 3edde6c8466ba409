using System.Management.Automation;
using ExtraHop.Models;

namespace ExtraHop.Base
{
    /// <summary>Error records for jobs that failed on the appliance, and for waits that ran out of time.</summary>
    internal static class JobErrors
    {
        /// <summary>FAILED or TIMEOUT on the appliance; the record's target is the job, with its step and details.</summary>
        public static ErrorRecord Failed(JobFailedException failure)
        {
            bool timedOut = string.Equals(failure.Job.Status, "TIMEOUT", System.StringComparison.OrdinalIgnoreCase);
            var record = new ErrorRecord(failure, timedOut ? ErrorIds.JobTimedOut : ErrorIds.JobFailed, timedOut ? ErrorCategory.OperationTimeout : ErrorCategory.InvalidResult, failure.Job);
            record.ErrorDetails = new ErrorDetails(failure.Message)
            {
                RecommendedAction = timedOut
                    ? "The appliance gave up on the job; check its firmware page before trying again."
                    : "Check the job's details and the appliance's firmware page; the appliance should still run its previous firmware.",
            };
            return record;
        }

        public static ErrorRecord WaitTimedOut(JobWaitTimeoutException timeout, ExtraHopJob job) =>
            new ErrorRecord(timeout, ErrorIds.WaitTimedOut, ErrorCategory.OperationTimeout, job)
            {
                ErrorDetails = new ErrorDetails(timeout.Message) { RecommendedAction = timeout.ResumeCommand },
            };
    }
}
