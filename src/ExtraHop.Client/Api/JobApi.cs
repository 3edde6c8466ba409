using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/jobs: the appliance's long operations.</summary>
    internal static class JobApi
    {
        private const string JobsPath = "/api/v1/jobs/";

        public static async Task<List<ExtraHopJob>> ListAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get("jobs"), cancellationToken).ConfigureAwait(false);
            List<ExtraHopJob> jobs = ResponseReader.ReadList<ExtraHopJob>(session.Connection, response, "jobs").From(session);
            foreach (ExtraHopJob job in jobs) job.Location = LocationOfListed(session, job.Id);
            return jobs;
        }

        /// <summary>
        /// The location of the job a request that got no answer may have started: the one job still running, or
        /// null when none is. An appliance runs one such job at a time and refuses to start another meanwhile, so a
        /// running job is either that request's or one that would have made the appliance refuse it; either way no
        /// second request may be sent while it runs. Job types are not documented, so they are not compared.
        /// </summary>
        public static async Task<string?> FindRunningAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            var running = new List<ExtraHopJob>();
            foreach (ExtraHopJob job in await ListAsync(session, cancellationToken).ConfigureAwait(false))
            {
                if (!job.IsFinished) running.Add(job);
            }
            if (running.Count > 1)
            {
                throw new ExtraHopApiException(ApiFailureKind.InvalidResponse, $"{session.Server} lists {running.Count} running jobs, so which one was started cannot be told.",
                    session.Server, "GET", "/jobs");
            }
            return running.Count == 1 ? running[0].Location : null;
        }

        public static Task<ExtraHopJob> GetAsync(ExtraHopSession session, string id, CancellationToken cancellationToken) =>
            ReadAsync(session, LocationOf(id), ApiRequest.Get(LocationOf(id)), cancellationToken);

        /// <summary>One poll of a job: no retries of its own (the waiter decides what a failure means) and a bounded time.</summary>
        public static Task<ExtraHopJob> PollAsync(ExtraHopSession session, string location, TimeSpan timeout, CancellationToken cancellationToken) =>
            ReadAsync(session, location, new ApiRequest(System.Net.Http.HttpMethod.Get, location) { RetryTransientFailures = false, Timeout = timeout }, cancellationToken);

        /// <summary>
        /// A 202's Location is a path relative to the host ("/api/v1/jobs/&lt;id&gt;"; VERIFIED as relative, exact
        /// form INFERRED). Absolute URLs and bare ids are accepted too; the id is the last path segment.
        /// </summary>
        public static ExtraHopJob Pending(ExtraHopSession session, string location)
        {
            string path = Uri.TryCreate(location, UriKind.Absolute, out Uri? absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
                ? absolute.PathAndQuery
                : location.StartsWith("/", StringComparison.Ordinal) ? location : LocationOf(location);
            string id = path.TrimEnd('/');
            id = id.Substring(id.LastIndexOf('/') + 1);
            return new ExtraHopJob { Id = Uri.UnescapeDataString(id), Location = path, Status = "PENDING" }.From(session);
        }

        /// <exception cref="ArgumentException">The id is empty, "." or "..", or holds control characters.</exception>
        public static string LocationOf(string id) => JobsPath + ResourcePath.Segment(id, "Id");

        /// <summary>An id the appliance listed: one that cannot be a path segment is the appliance's fault, not an argument's.</summary>
        private static string LocationOfListed(ExtraHopSession session, string id)
        {
            try
            {
                return LocationOf(id);
            }
            catch (ArgumentException)
            {
                throw new ExtraHopApiException(ApiFailureKind.InvalidResponse, $"{session.Server}: /jobs lists a job whose id '{id}' cannot name a job.",
                    session.Server, "GET", "/jobs");
            }
        }

        private static async Task<ExtraHopJob> ReadAsync(ExtraHopSession session, string location, ApiRequest request, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            ExtraHopJob job = ResponseReader.ReadModel<ExtraHopJob>(session.Connection, response, location.TrimStart('/')).From(session);
            if (job.Status == null)
            {
                // Every job answer carries a status (the official scripts crash without one); a page without it is not a job.
                throw new ExtraHopApiException(ApiFailureKind.InvalidResponse, $"{session.Server}: {location} answered without a job status.",
                    session.Server, "GET", location, response.StatusCode);
            }
            job.Location = location;
            if (string.IsNullOrEmpty(job.Id)) job.Id = Pending(session, location).Id;
            return job;
        }
    }
}
