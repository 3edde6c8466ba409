using System;
using ExtraHop.Models;

namespace ExtraHop
{
    /// <summary>A job ended FAILED or TIMEOUT on the appliance; carries the job with its step and details.</summary>
    public sealed class JobFailedException : Exception
    {
        public JobFailedException(ExtraHopJob job)
            : base($"Job {job.Id} on {job.Server} ended {job.Status} at {Describe(job)}{(string.IsNullOrEmpty(job.Details) ? "." : ": " + job.Details)}")
        {
            Job = job;
        }

        public ExtraHopJob Job { get; }

        private static string Describe(ExtraHopJob job) =>
            job.StepNumber.HasValue ? $"step {job.StepNumber} of {job.TotalSteps?.ToString() ?? "?"} ({job.StepDescription})" : "an unknown step";
    }

    /// <summary>Waiting for a job ran out of time; the job may still be running. Says how to resume waiting.</summary>
    public sealed class JobWaitTimeoutException : TimeoutException
    {
        public JobWaitTimeoutException(string server, string jobId, TimeSpan waited, ExtraHopJob? lastSeen)
            : base($"Job {jobId} on {server} did not finish within {waited.TotalSeconds:0} seconds (last seen: {lastSeen?.Progress ?? "no answer from the appliance"}). It may still be running; to keep waiting: Wait-EHJob -Id '{jobId}' -Session '{server}'")
        {
            Server = server;
            JobId = jobId;
            LastSeen = lastSeen;
        }

        public string Server { get; }
        public string JobId { get; }
        public ExtraHopJob? LastSeen { get; }

        /// <summary>The command that resumes waiting.</summary>
        public string ResumeCommand => $"Wait-EHJob -Id '{JobId}' -Session '{Server}'";
    }
}
