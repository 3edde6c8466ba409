using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.RunningConfig;

namespace ExtraHop.Api
{
    /// <summary>
    /// /runningconfig: the appliance's configuration as one JSON document, the running copy (changed by a replace)
    /// and the saved copy (what the appliance starts with; changed only by a save).
    /// </summary>
    internal static class RunningConfigApi
    {
        private const string RunningPath = "runningconfig";
        private const string SavedPath = "runningconfig/saved";
        private const string SavePath = "runningconfig/save";

        /// <summary>How long a replace that answers with a job (see <see cref="ReplaceAsync"/>) may take.</summary>
        private static readonly TimeSpan ReplaceJobTimeout = TimeSpan.FromMinutes(10);

        /// <summary>
        /// The config (or one top-level section of it) as the JSON text the appliance sent. The running copy's section
        /// is asked for with ?section= (VERIFIED); the guide gives the saved copy no such parameter, so its section is
        /// cut from the whole saved config here.
        /// </summary>
        /// <exception cref="RunningConfigRefusedException">The config has no such section.</exception>
        public static async Task<string> ReadTextAsync(ExtraHopSession session, bool saved, string? section, CancellationToken cancellationToken)
        {
            if (saved)
            {
                string whole = await GetTextAsync(session, SavedPath, cancellationToken).ConfigureAwait(false);
                return section == null ? whole : SectionOf(session, whole, section);
            }
            if (section == null) return await GetTextAsync(session, RunningPath, cancellationToken).ConfigureAwait(false);

            string text;
            try
            {
                text = await GetTextAsync(session, RunningPath + "?section=" + Uri.EscapeDataString(section), cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound || ex.StatusCode == HttpStatusCode.BadRequest)
            {
                // What an appliance answers for an unknown section is UNKNOWN: 404 (the simulator) and 400 both mean it.
                throw SectionNotFound(session, section, ex.ApplianceMessage, ex);
            }
            // An appliance that answers an unknown section with nothing at all is taken to mean the same.
            string trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed == "null") throw SectionNotFound(session, section, null, null);
            return text;
        }

        /// <summary>The whole running or saved config, parsed; an answer that is not a JSON object is an invalid response.</summary>
        public static async Task<ConfigDocument> ReadAsync(ExtraHopSession session, bool saved, CancellationToken cancellationToken)
        {
            string path = saved ? SavedPath : RunningPath;
            string text = await GetTextAsync(session, path, cancellationToken).ConfigureAwait(false);
            return ConfigDocument.FromAppliance(text, $"{session.Server} {(saved ? "saved" : "running")}", session.Server, path);
        }

        /// <summary>
        /// PUT /runningconfig with the whole config; not saved. A replace sends the same whole document each time, so it
        /// is safe to repeat. The reference has it answer 204 but mentions a job "if different" (INFERRED): an answer of
        /// 202 with a Location is followed to the job's end, so the result describes a finished change.
        /// </summary>
        public static async Task ReplaceAsync(ExtraHopSession session, string json, CancellationToken cancellationToken)
        {
            var put = new ApiRequest(HttpMethod.Put, RunningPath, () => new StringContent(json, Encoding.UTF8, "application/json")) { SafeToRetry = true };
            ApiResponse response = await session.Connection.SendAsync(put, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Accepted || response.Location == null) return;

            ExtraHopJob final = await JobWaiter.WaitAsync(JobApi.Pending(session, response.Location), ReplaceJobTimeout, TimeSpan.FromSeconds(1), null, cancellationToken).ConfigureAwait(false);
            if (!final.Succeeded) throw new JobFailedException(final);
        }

        /// <summary>POST /runningconfig/save: the running config becomes the saved one. Saving twice is harmless, so it is retried.</summary>
        public static Task SaveAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            session.Connection.SendAsync(new ApiRequest(HttpMethod.Post, SavePath) { SafeToRetry = true }, cancellationToken);

        /// <summary>A config's JSON text as plain values (<see cref="Json.JsonTree"/>); text that is not JSON is an invalid response.</summary>
        public static object? Parse(ExtraHopSession session, string text)
        {
            try
            {
                return Json.JsonTree.Parse(text);
            }
            catch (FormatException ex)
            {
                throw new ExtraHopApiException(ApiFailureKind.InvalidResponse, $"{session.Server}: /{RunningPath} did not answer JSON: {ex.Message}", session.Server, "GET", "/" + RunningPath, null, null, ex);
            }
        }

        private static async Task<string> GetTextAsync(ExtraHopSession session, string path, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
            return response.Body;
        }

        private static string SectionOf(ExtraHopSession session, string whole, string section)
        {
            ConfigDocument config = ConfigDocument.FromAppliance(whole, $"{session.Server} saved", session.Server, SavedPath);
            JsonProperty? match = null;
            foreach (JsonProperty property in config.Root.EnumerateObject())
            {
                // An exact name first; otherwise one that differs only in case, as the running copy's ?section= is lower case in use.
                if (property.NameEquals(section)) return property.Value.GetRawText();
                if (match == null && string.Equals(property.Name, section, StringComparison.OrdinalIgnoreCase)) match = property;
            }
            if (match.HasValue) return match.Value.Value.GetRawText();
            throw SectionNotFound(session, section, null, null);
        }

        private static RunningConfigRefusedException SectionNotFound(ExtraHopSession session, string section, string? applianceMessage, Exception? inner) =>
            new RunningConfigRefusedException(RunningConfigRefusal.SectionNotFound,
                $"The running config of {session.Server} has no section '{section}'" + (applianceMessage == null ? "." : $" ({applianceMessage}).")
                + " Get-EHRunningConfig without -Section lists the sections it has.", inner);
    }
}
