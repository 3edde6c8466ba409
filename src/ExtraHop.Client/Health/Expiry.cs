using System;
using System.Globalization;
using ExtraHop.Models;

namespace ExtraHop.Health
{
    /// <summary>How the checks of things that expire (certificates, licenses) judge and word a date.</summary>
    internal static class Expiry
    {
        /// <summary>Critical once expired, a warning within <paramref name="warningDays"/>; <paramref name="daysLeft"/> is whole days, negative once expired.</summary>
        public static HealthStatus Judge(DateTimeOffset expires, DateTimeOffset now, int warningDays, out int daysLeft)
        {
            daysLeft = (int)Math.Floor((expires - now).TotalDays);
            if (expires <= now) return HealthStatus.Critical;
            return daysLeft < warningDays ? HealthStatus.Warning : HealthStatus.OK;
        }

        /// <summary>"Expires 2027-01-01 (in 12 days)", or "Expired 2026-11-30 (3 days ago)": short, as it is read in an 80-column table.</summary>
        public static string Describe(DateTimeOffset expires, DateTimeOffset now)
        {
            string date = expires.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            double days = (expires - now).TotalDays;
            if (days <= 0) return $"Expired {date} ({Days(-days)} ago)";
            return $"Expires {date} (in {Days(days)})";
        }

        private static string Days(double days)
        {
            int whole = (int)Math.Floor(days);
            return whole == 1 ? "1 day" : whole == 0 ? "less than a day" : $"{whole} days";
        }
    }
}
