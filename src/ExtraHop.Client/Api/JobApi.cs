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
            foreach (ExtraHopJob job in jobs) job.Location = LocationOf(job.Id);
            return jobs;
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

        public static string LocationOf(string id) => JobsPath + Uri.EscapeDataString(id);

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
