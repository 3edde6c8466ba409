using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Health.Checks;
using ExtraHop.Models;

namespace ExtraHop.Health
{
    /// <summary>
    /// One appliance's health report. It always comes back, whatever happens on the appliance: one that does not
    /// answer GET /extrahop is Critical (Reachability) and is not checked further; a check that fails to read is a
    /// warning that names what could not be checked, and the other checks still run. Only Ctrl+C ends it early.
    /// </summary>
    internal static class HealthReporter
    {
        /// <summary>Every check, in the order findings are listed.</summary>
        public static IReadOnlyList<IHealthCheck> Checks { get; } = new IHealthCheck[]
        {
            new CertificateCheck(),
            new LicenseCheck(),
            new IngestCheck(),
            new JobCheck(),
            new ProcessCheck(),
            new CloudServiceCheck(),
            new VersionCheck(),
            new ApplianceCheck(),
        };

        /// <summary>Sets the console version the others are compared with: the newest among the consoles given (the sessions' versions as last read).</summary>
        public static void CompareWithConsoles(HealthOptions options, IEnumerable<ExtraHopSession> sessions)
        {
            ExtraHopSession? newest = null;
            foreach (ExtraHopSession console in sessions.Where(s => s.Role == ApplianceRole.Console && s.Version != null))
            {
                if (newest == null || Upgrade.FirmwareVersion.Compare(console.Version, newest.Version) > 0) newest = console;
            }
            options.ConsoleVersion = newest?.Version;
            options.ConsoleServer = newest?.Server;
        }

        public static async Task<ExtraHopHealthReport> ReportAsync(ExtraHopSession session, HealthOptions options, CancellationToken cancellationToken)
        {
            var report = new ExtraHopHealthReport { Session = session, Role = session.Role, Version = session.Version, CheckedAt = DateTimeOffset.Now };
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                limit.CancelAfter(options.Timeout);
                ExtraHopSystem system;
                try
                {
                    system = (await SystemApi.ReadIdentityAsync(session.Connection, limit.Token).ConfigureAwait(false)).From(session);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    return Finish(report, new[]
                    {
                        new ExtraHopHealthFinding { Session = session, Check = HealthCheck.Reachability, Severity = HealthStatus.Critical, Message = Unreachable(session, ex, options), Value = false },
                    });
                }

                session.Version = system.Version;
                report.Version = system.Version;
                if (system.Role != ApplianceRole.Unknown) report.Role = system.Role;
                var context = new HealthContext(session, system, options, report.CheckedAt);
                var findings = new List<ExtraHopHealthFinding>
                {
                    context.Finding(HealthCheck.Reachability, HealthStatus.OK, $"Answers: {report.Role.ToString().ToLowerInvariant()} {system.Version}.", true),
                };
                // One check after another: the session's one kept-alive connection serves them all. Checks side by side
                // would open a connection (and a TLS handshake, on both sides) per check, for every appliance of the fleet.
                foreach (IHealthCheck check in Checks.Where(check => !options.Skipped.Contains(check.Name)))
                {
                    findings.AddRange(await RunAsync(check, context, limit.Token, cancellationToken).ConfigureAwait(false));
                }
                return Finish(report, findings);
            }
        }

        /// <summary>Runs one check; a failure becomes a warning that the check could not be made, because one blind spot must not hide the rest.</summary>
        private static async Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(IHealthCheck check, HealthContext context, CancellationToken limit, CancellationToken cancellationToken)
        {
            try
            {
                return (await check.RunAsync(context, limit).ConfigureAwait(false)).ToList();
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                string why = limit.IsCancellationRequested ? $"the report did not finish within {context.Options.Timeout.TotalSeconds:0.#} s" : ex.Message;
                return context.One(check.Name, HealthStatus.Warning, $"Could not be checked: {why}");
            }
        }

        private static string Unreachable(ExtraHopSession session, Exception ex, HealthOptions options) =>
            ex is OperationCanceledException
                ? $"{session.Server} did not answer within {options.Timeout.TotalSeconds:0.#} s."
                : ex.Message;

        private static ExtraHopHealthReport Finish(ExtraHopHealthReport report, IList<ExtraHopHealthFinding> findings)
        {
            report.Findings = findings.ToArray();
            report.Status = findings.Count == 0 ? HealthStatus.OK : findings.Max(f => f.Severity);
            return report;
        }
    }
}
