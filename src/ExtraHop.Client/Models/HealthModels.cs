using System;
using System.Linq;

namespace ExtraHop.Models
{
    /// <summary>
    /// How much an appliance, or one finding about it, needs a human. The numbers are the exit code a scheduled
    /// task returns (0 nothing to do, 1 look soon, 2 look now), so the order matters and must not change.
    /// </summary>
    public enum HealthStatus
    {
        /// <summary>Nothing needs attention.</summary>
        OK = 0,
        /// <summary>Something will need attention soon (an expiry coming, a failed job, an older version), or a check could not run.</summary>
        Warning = 1,
        /// <summary>Something needs attention now: unreachable, expired, record ingest off, a process down.</summary>
        Critical = 2,
    }

    /// <summary>What one finding is about; each check of the report has its own name.</summary>
    public enum HealthCheck
    {
        /// <summary>Whether the appliance answers the API at all (GET /extrahop).</summary>
        Reachability,
        /// <summary>The expiry of the TLS certificate the appliance presents in its handshake.</summary>
        Certificate,
        /// <summary>The expiry of the appliance's license.</summary>
        License,
        /// <summary>A recordstore cluster's record ingest.</summary>
        Ingest,
        /// <summary>Jobs running now, or failed recently.</summary>
        Jobs,
        /// <summary>The appliance's connection to ExtraHop Cloud Services.</summary>
        CloudServices,
        /// <summary>The appliance's processes.</summary>
        Processes,
        /// <summary>The firmware version against the console's: a console must run at least every connected appliance's.</summary>
        Version,
        /// <summary>A console's connected appliances, as the console sees them.</summary>
        Appliances,
    }

    /// <summary>One thing a health check found about one appliance (also what passed, so a log shows what was checked).</summary>
    public sealed class ExtraHopHealthFinding : ExtraHopObject
    {
        public HealthCheck Check { get; internal set; }
        public HealthStatus Severity { get; internal set; }
        /// <summary>What was found, in words that name the appliance's own values.</summary>
        public string Message { get; internal set; } = string.Empty;
        /// <summary>The value the finding is about, for scripts: days left, a version, a count, a process name.</summary>
        public object? Value { get; internal set; }

        public override string ToString() => $"{Server} {Check}: {Severity} {Message}";
    }

    /// <summary>
    /// The health of one appliance: its Status is the worst of its findings. ExitCode is that status as a number,
    /// so the largest ExitCode of a report is the exit code of the scheduled task that ran it.
    /// </summary>
    public sealed class ExtraHopHealthReport : ExtraHopObject
    {
        public ApplianceRole Role { get; internal set; }
        /// <summary>The firmware version the appliance reported now (the one the session knew, when it could not be reached).</summary>
        public string? Version { get; internal set; }
        public HealthStatus Status { get; internal set; }
        public ExtraHopHealthFinding[] Findings { get; internal set; } = Array.Empty<ExtraHopHealthFinding>();
        public DateTimeOffset CheckedAt { get; internal set; }

        /// <summary>0 OK, 1 Warning, 2 Critical.</summary>
        public int ExitCode => (int)Status;

        /// <summary>The findings that are not OK, one sentence each; or how many checks passed. Export-Csv writes it as one column.</summary>
        public string Summary
        {
            get
            {
                ExtraHopHealthFinding[] problems = Findings.Where(f => f.Severity != HealthStatus.OK).ToArray();
                if (problems.Length == 0) return $"All {Findings.Length} checks passed.";
                return string.Join(" ", problems.OrderByDescending(f => f.Severity).Select(f => $"{f.Check}: {f.Message}"));
            }
        }

        public override string ToString() => $"{Server}: {Status}";
    }
}
