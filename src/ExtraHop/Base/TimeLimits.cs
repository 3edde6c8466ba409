namespace ExtraHop.Base
{
    /// <summary>
    /// Upper bounds of the -TimeoutSec parameters. Timers in .NET take at most about 24.8 days, so a larger value
    /// would fail deep inside with an exception that names no parameter; these are far above any real need.
    /// </summary>
    internal static class TimeLimits
    {
        /// <summary>One request (Connect-ExtraHop -TimeoutSec): a day.</summary>
        public const int MaxRequestSeconds = 86400;

        /// <summary>Following jobs and upgrades (Wait-EHJob, Invoke-EHFirmwareUpgrade, Undo-EHFirmwareUpgrade): a week.</summary>
        public const int MaxWaitSeconds = 604800;
    }
}
