using System.Net;

namespace ExtraHop.Api
{
    /// <summary>
    /// What a restarting appliance answers, for everything that follows one through its reboot (a job's wait, a
    /// restart's wait): while it restarts it refuses connections, may not answer in time, answers 502/503 (often with
    /// an HTML page) or a placeholder page, and right after boot may not know a job for a moment (404).
    /// </summary>
    internal static class RebootSymptoms
    {
        /// <param name="notFoundMeansRestarted">Whether a 404 counts: only for something the wait has seen before (a job that vanished).</param>
        public static bool IsRebooting(ExtraHopApiException ex, bool notFoundMeansRestarted)
        {
            switch (ex.Kind)
            {
                case ApiFailureKind.ConnectionFailed:
                case ApiFailureKind.Timeout:
                    return true;
                case ApiFailureKind.InvalidResponse:
                    // A booting web server can answer 200 with a placeholder page.
                    return true;
                case ApiFailureKind.HttpStatus:
                    int status = (int)ex.StatusCode!.Value;
                    if (status == 429 || status == 502 || status == 503 || status == 504) return true;
                    return status == (int)HttpStatusCode.NotFound && notFoundMeansRestarted;
                default:
                    return false;
            }
        }

        /// <summary>A few words for progress lines.</summary>
        public static string Describe(ExtraHopApiException ex)
        {
            switch (ex.Kind)
            {
                case ApiFailureKind.ConnectionFailed: return "appliance unreachable (restarting)";
                case ApiFailureKind.Timeout: return "appliance not answering";
                case ApiFailureKind.InvalidResponse: return "appliance starting up";
            }
            int status = (int)ex.StatusCode!.Value;
            if (status == 429) return "appliance asked to slow down";
            if (status == 404) return "appliance restarted; job not yet known again";
            return "appliance starting up (" + status + ")";
        }
    }
}
