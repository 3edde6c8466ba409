using System;
using System.Collections.Generic;
using System.Globalization;
using ExtraHop.Models;

namespace ExtraHop.Health
{
    /// <summary>
    /// When a job last did something. No source documents a time on a job (the fields VERIFIED from third-party
    /// models are id, type, status, the step fields, details and remote_jobs), so this is tolerant and INFERRED:
    /// the end time under the names appliance APIs plausibly use, else the start time; milliseconds since the epoch
    /// (as time_added and backup_time are elsewhere in the API), seconds since the epoch, or an ISO 8601 text.
    /// Null when the appliance gives none; the caller then cannot place the job in time.
    /// </summary>
    internal static class JobTimes
    {
        private static readonly string[] Names =
        {
            "end_time", "finish_time", "finished_time", "completed_time", "end_timestamp", "mod_time", "modified_time", "update_time",
            "start_time", "started_time", "create_time", "created_time", "start_timestamp",
        };

        // Below this a number is seconds since the epoch, not milliseconds (1e11 ms is 1973; 1e11 s is far future).
        private const double MillisecondsThreshold = 1e11;

        public static DateTimeOffset? LastActivity(ExtraHopJob job)
        {
            IDictionary<string, object?> fields = job.ExtensionData;
            foreach (string name in Names)
            {
                if (fields.TryGetValue(name, out object? value) && Parse(value) is DateTimeOffset when) return when;
            }
            return null;
        }

        private static DateTimeOffset? Parse(object? value)
        {
            switch (value)
            {
                case long number:
                    return FromEpoch(number);
                case double number:
                    return FromEpoch(number);
                case string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed):
                    return parsed;
                case string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number):
                    return FromEpoch(number);
                default:
                    return null;
            }
        }

        private static DateTimeOffset? FromEpoch(double number)
        {
            if (number <= 0 || double.IsNaN(number) || double.IsInfinity(number)) return null;
            double milliseconds = number < MillisecondsThreshold ? number * 1000 : number;
            try
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }
    }
}
