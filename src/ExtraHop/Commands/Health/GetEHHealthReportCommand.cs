using System;
using System.Collections.Generic;
using System.Management.Automation;
using ExtraHop.Base;
using ExtraHop.Health;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Checks every appliance given, in parallel, and writes one report per appliance (or, with -Detailed, one row per
    /// finding). What the nightly scheduled task runs: it never stops for an appliance's trouble (an unreachable one
    /// is a Critical report, not an error), so the report comes out whole even under $ErrorActionPreference = 'Stop'.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EHHealthReport")]
    [OutputType(typeof(ExtraHopHealthReport))]
    [OutputType(typeof(ExtraHopHealthFinding))]
    public sealed class GetEHHealthReportCommand : ExtraHopCmdlet
    {
        private readonly List<ExtraHopSession> sessions = new List<ExtraHopSession>();

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        public SwitchParameter Detailed { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        [Parameter]
        [ValidateRange(0, 3650)]
        public int LicenseWarningDays { get; set; } = 30;

        [Parameter]
        [ValidateRange(0, 3650)]
        public int CertificateWarningDays { get; set; } = 30;

        [Parameter]
        [ValidateRange(1, 8760)]
        public int JobLookbackHours { get; set; } = 24;

        [Parameter]
        [ValidateRange(1, TimeLimits.MaxRequestSeconds)]
        public int TimeoutSec { get; set; } = 60;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public HealthCheck[]? SkipCheck { get; set; }

        /// <summary>Reachability is what every other check stands on: leaving it out is refused before anything is checked.</summary>
        protected override void BeginProcessing()
        {
            if (SkipCheck != null && Array.IndexOf(SkipCheck, HealthCheck.Reachability) >= 0)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-SkipCheck cannot leave out Reachability: every other check needs the appliance to answer. Nothing was checked."),
                    ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, HealthCheck.Reachability));
            }
        }

        /// <summary>Piped sessions are gathered, so the whole set is checked in parallel and compared with its consoles.</summary>
        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!sessions.Contains(session)) sessions.Add(session);
            }
        }

        protected override void EndProcessing()
        {
            if (sessions.Count == 0) return;
            var options = new HealthOptions
            {
                LicenseWarningDays = LicenseWarningDays,
                CertificateWarningDays = CertificateWarningDays,
                JobLookbackHours = JobLookbackHours,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
            };
            foreach (HealthCheck check in SkipCheck ?? new HealthCheck[0]) options.Skipped.Add(check);
            HealthReporter.CompareWithConsoles(options, sessions);
            WriteFromEachSession(sessions.ToArray(), async (session, token) =>
            {
                ExtraHopHealthReport report = await HealthReporter.ReportAsync(session, options, token).ConfigureAwait(false);
                return Detailed ? (object)report.Findings : report;
            }, throttleLimit: ThrottleLimit);
        }
    }
}
