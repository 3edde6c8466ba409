using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Sessions;
using ExtraHop.Upgrade;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Upgrades the firmware of one appliance, a fleet, or a whole deployment in the documented order, and follows
    /// each appliance through its reboot to a verified version. Everything is read and checked first; each
    /// appliance is confirmed before any work starts; recordstore ingest is halted and always restored.
    /// With -Version -ViaConsole, a console upgrades appliances connected to it from ExtraHop Cloud Services
    /// (POST /appliances/firmware/upgrade) and its job, with one remote job per appliance, is followed.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "EHFirmwareUpgrade", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(FirmwareUpgradeResult))]
    [OutputType(typeof(ExtraHopJob))]
    public sealed class InvokeEHFirmwareUpgradeCommand : UpgradeCommandBase
    {
        private const string UploadedImageSet = "UploadedImage";
        private const int ParallelConnects = 8;
        private readonly List<PendingConnection> pendingConnections = new List<PendingConnection>();
        private readonly List<ExtraHopSession> commandSessions = new List<ExtraHopSession>();
        private readonly List<string> unreachable = new List<string>();
        private readonly List<FirmwareUpgradeResult> notConnected = new List<FirmwareUpgradeResult>();
        private readonly List<ConsoleUpgradeRequest> viaConsole = new List<ConsoleUpgradeRequest>();
        private const int ViaConsoleActivityId = 7300;

        [Parameter(Mandatory = true, ParameterSetName = UploadedImageSet)]
        public SwitchParameter UploadedImage { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Server { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CertificateThumbprint { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        [Parameter]
        [ValidateRange(1, TimeLimits.MaxWaitSeconds)]
        public int TimeoutSec { get; set; } = 3600;

        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 5;

        [Parameter]
        public SwitchParameter NoWait { get; set; }

        [Parameter]
        public SwitchParameter AcceptNewCertificate { get; set; }

        [Parameter]
        [ValidateRange(1, 86400)]
        public int IngestRestoreTimeoutSec { get; set; } = 300;

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>With -Version: the console named by -Session upgrades the connected appliances -ApplianceId names, not itself.</summary>
        [Parameter(ParameterSetName = VersionSet)]
        public SwitchParameter ViaConsole { get; set; }

        /// <summary>With -ViaConsole: the console's ids of the connected appliances to upgrade (Get-EHAppliance shows them).</summary>
        [Parameter(ParameterSetName = VersionSet)]
        [ValidateRange(0, long.MaxValue)]
        public long[]? ApplianceId { get; set; }

        protected override void ProcessRecord()
        {
            if (ViaConsole || ApplianceId != null)
            {
                AddConsoleUpgrade();
                return;
            }

            UpgradeSource? source = SourceOfThisRecord();
            if (source == null) return;

            if (SessionWasGiven(Session))
            {
                ExtraHopSession[] sessions = ResolveSessions(Session);
                RefuseASecondWayOfNamingTargets(sessions);
                AddTargets(sessions, source);
            }
            else if (Server != null && ApiKey != null)
            {
                pendingConnections.Add(new PendingConnection(Server, ApiKey, string.IsNullOrWhiteSpace(CertificateThumbprint) ? null : CertificateThumbprint, source));
            }
            else if (Server != null)
            {
                ExtraHopSession? connected = SessionRegistry.Current.Find(Server);
                if (connected == null)
                {
                    WriteError(new ErrorRecord(new ArgumentException($"{Server} is not connected: connect it first, or give its -ApiKey (an ApiKey column in the CSV)."),
                        ErrorIds.InvalidArgument, ErrorCategory.ConnectionError, Server));
                    return;
                }
                AddTargets(new[] { connected }, source);
            }
            else
            {
                AddTargets(ResolveSessions(Session), source);
            }
        }

        /// <summary>
        /// -Session and -Server/-ApiKey/-CertificateThumbprint are two ways of naming appliances; given together they
        /// could name different ones, and upgrading either would ignore the other. A -Server that is the server of
        /// the one session given is no contradiction: piped sessions and upgrade results carry both.
        /// </summary>
        private void RefuseASecondWayOfNamingTargets(ExtraHopSession[] sessions)
        {
            bool sameServer = Server == null || (sessions.Length == 1 && string.Equals(sessions[0].Server, Server.Trim(), StringComparison.OrdinalIgnoreCase));
            if (sameServer && ApiKey == null && string.IsNullOrWhiteSpace(CertificateThumbprint)) return;

            string named = string.Join(", ", sessions.Select(s => s.Server));
            string other = Server == null ? "-ApiKey or -CertificateThumbprint (which connect anew)" : $"-Server {Server}";
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"-Session names {named}, and {other} names appliances another way. Give either -Session, or -Server with -ApiKey, not both; nothing was planned or sent."),
                ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, Server ?? named));
        }

        /// <summary>-ViaConsole and -ApplianceId go together, with sessions only (the console is a connected session).</summary>
        private void AddConsoleUpgrade()
        {
            if (!ViaConsole || ApplianceId == null || ApplianceId.Length == 0)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-ViaConsole and -ApplianceId go together: the console (-Session) upgrades the connected appliances -ApplianceId names. Nothing was sent."),
                    ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, ApplianceId));
            }
            foreach (ExtraHopSession console in ResolveSessions(Session))
            {
                viaConsole.Add(new ConsoleUpgradeRequest(console, ApplianceId!.Distinct().ToArray(), Version!));
            }
        }

        protected override void EndProcessing()
        {
            if (viaConsole.Count > 0)
            {
                foreach (ConsoleUpgradeRequest request in viaConsole) UpgradeViaConsole(request);
                return;
            }
            try
            {
                ConnectPendingRows();
                DeploymentOutcome? outcome = Targets.Count == 0 ? null : PlanAndRun();
                if (!IsWhatIf && !NoWait) WriteSummary(outcome);
            }
            finally
            {
                // Sessions opened for Server/ApiKey rows live as long as the command, except for -NoWait, whose jobs need them to be followed.
                if (!NoWait) foreach (ExtraHopSession session in commandSessions) session.Close();
            }
        }

        /// <summary>Checks the ids on the console, confirms, starts the console's job, and follows it (with its remote jobs) unless -NoWait.</summary>
        private void UpgradeViaConsole(ConsoleUpgradeRequest request)
        {
            ExtraHopSession console = request.Console;
            if (!TryRun(console.Server, token => ApplianceFirmwareApi.CheckAsync(console, request.ApplianceIds, token), out List<ExtraHopAppliance> appliances)) return;
            string names = string.Join(", ", appliances.Select(a => $"{a.Id} {a.Name} ({a.FirmwareVersion})"));
            if (!ShouldProcessUnlessForced(Force, console.Server, $"Upgrade connected appliances {names} to {request.Version} from ExtraHop Cloud Services; each restarts")) return;
            if (!TryRun(console.Server, token => ApplianceFirmwareApi.StartUpgradeAsync(console, request.ApplianceIds, request.Version, token), out ExtraHopJob job)) return;
            if (NoWait)
            {
                WriteObject(job);
                return;
            }

            var line = new ProgressLine(ViaConsoleActivityId, $"Upgrading connected appliances through {console.Server}");
            ExtraHopJob final;
            try
            {
                final = Run(token => JobWaiter.WaitAsync(job, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec), update =>
                {
                    ProgressRecord? record = line.Update(ApplianceUpgrader.Describe(update), ApplianceUpgrader.PercentOf(update.Job));
                    if (record != null) Post(() => WriteProgress(record));
                }, token));
            }
            catch (JobWaitTimeoutException ex)
            {
                WriteError(JobErrors.WaitTimedOut(ex, job));
                return;
            }
            catch (ExtraHopApiException ex)
            {
                WriteFailure(ex, job);
                return;
            }
            finally
            {
                WriteProgress(line.Completed());
            }

            if (!final.Succeeded)
            {
                WriteError(JobErrors.Failed(new JobFailedException(final)));
                return;
            }
            // The console's job is DONE; its remote jobs tell whether each appliance was upgraded.
            WriteObject(final);
            List<RemoteJob> failed = ApplianceFirmwareApi.FailedRemoteJobs(final);
            if (failed.Count > 0) WriteError(ApplianceErrors.RemoteJobsFailed(final, failed));
        }

        /// <summary>Plans, confirms and runs; null when nothing ran to an end (-WhatIf, -NoWait, every appliance declined).</summary>
        private DeploymentOutcome? PlanAndRun()
        {
            DeploymentPlan plan = MakePlan(unreachable);
            if (IsWhatIf)
            {
                foreach (UpgradeStep step in plan.Plan.Steps) ShouldProcess($"Step {step.Order} ({step.Stage}): {step.Description}", null, null);
                if (!plan.Plan.IsValid) ThrowTerminatingError(PlanErrors.Refused(plan.Plan));
                return null;
            }
            if (!plan.Plan.IsValid) ThrowTerminatingError(PlanErrors.Refused(plan.Plan));

            DeploymentPlan? confirmed = ConfirmEachAppliance(plan);
            if (confirmed == null) return null;

            if (!NoWait) return RunToTheEnd(confirmed);
            StartWithoutWaiting(confirmed);
            return null;
        }

        /// <summary>Asks once per appliance, before any work starts. Declined appliances are left out and the plan is checked again without them.</summary>
        private DeploymentPlan? ConfirmEachAppliance(DeploymentPlan plan)
        {
            var declined = new List<string>();
            foreach (PlannedAppliance planned in plan.Appliances.Where(a => a.Stage.HasValue && !a.AlreadyAtTarget))
            {
                UpgradePlanEntry entry = planned.Entry;
                string ingest = entry.Role == ApplianceRole.Recordstore ? "; record ingest on its cluster is halted during the upgrade and re-enabled after it" : string.Empty;
                string action = $"Upgrade firmware from {entry.CurrentVersion} to {entry.TargetVersion ?? "the image's version"} by {planned.Target.Source.Describe()}; the appliance restarts{ingest}";
                if (!ShouldProcessUnlessForced(Force, entry.Server, action)) declined.Add(entry.Server);
            }
            if (declined.Count == 0) return plan;

            Targets.RemoveAll(t => declined.Contains(t.Session.Server, StringComparer.OrdinalIgnoreCase));
            if (Targets.Count == 0) return null;
            WriteVerbose($"Not upgrading {string.Join(", ", declined)}; checking the plan again without them.");
            DeploymentPlan reduced = MakePlan(unreachable);
            if (!reduced.Plan.IsValid) ThrowTerminatingError(PlanErrors.Refused(reduced.Plan));
            return reduced;
        }

        /// <summary>
        /// Runs the plan; every result is written as it comes. Ingest that could not be turned back on is reported
        /// like an appliance's failure, never as a terminating error: that would cost the script every result.
        /// </summary>
        private DeploymentOutcome RunToTheEnd(DeploymentPlan plan)
        {
            var options = RunOptions();
            var observer = new UpgradeProgressObserver(write => Post(() => write(this)), "Upgrading firmware", plan.Appliances.Count);
            DeploymentOutcome outcome = Run(token =>
            {
                observer.Start();
                return DeploymentRunner.RunAsync(plan, options, observer, token);
            });
            if (outcome.IngestFailures.Count > 0)
            {
                string clusters = string.Join(", ", outcome.IngestFailures.Select(f => "recordstore cluster " + f.ClusterId));
                WriteApplianceFailure(PlanErrors.IngestNotRestored(outcome.IngestFailures), clusters);
            }
            return outcome;
        }

        /// <summary>Warnings that end every run that did not fully succeed, after all results (see UpgradeSummary).</summary>
        private void WriteSummary(DeploymentOutcome? outcome)
        {
            List<FirmwareUpgradeResult> results = notConnected.Concat(outcome?.Results ?? new List<FirmwareUpgradeResult>()).ToList();
            IReadOnlyList<IngestRestoreFailure> ingestFailures = outcome?.IngestFailures ?? new List<IngestRestoreFailure>();
            foreach (string warning in UpgradeSummary.Warnings(results, ingestFailures)) WriteWarning(warning);
        }

        /// <summary>-NoWait: start every appliance (throttled) and hand back the jobs. Only where no order or ingest has to be kept.</summary>
        private void StartWithoutWaiting(DeploymentPlan plan)
        {
            bool ordered = plan.Plan.Stages.Length > 1;
            bool ingestToRestore = plan.Clusters.Any(c => c.NeedsHalt);
            if (ordered || ingestToRestore)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("-NoWait cannot keep a mixed deployment's upgrade order or turn recordstore ingest back on afterwards; run without -NoWait, or upgrade one kind of appliance at a time."),
                    ErrorIds.InvalidArgument, ErrorCategory.InvalidOperation, plan.Plan));
            }

            foreach (PlannedAppliance current in plan.Appliances.Where(a => a.AlreadyAtTarget))
            {
                WriteWarning($"Not upgrading {current.Entry.Server}: {PlanSteps.AlreadyAtTargetReason(current)}.");
            }

            var options = RunOptions();
            var observer = new UpgradeProgressObserver(write => Post(() => write(this)), "Starting firmware upgrades", 0);
            Run(token => FleetRunner.RunAsync<PlannedAppliance, bool>(
                plan.Appliances.Where(a => a.Stage.HasValue && !a.AlreadyAtTarget),
                ThrottleLimit,
                async (appliance, applianceToken) =>
                {
                    ExtraHopJob? started = null;
                    FirmwareUpgradeResult result = await ApplianceUpgrader.StartOnlyAsync(appliance, options, observer, job => started = job, applianceToken).ConfigureAwait(false);
                    ErrorRecord? error = UpgradeErrors.For(result);
                    if (started != null) Post(() => WriteObject(started));
                    else if (error != null) Post(() => WriteError(error));
                    return started != null;
                },
                appliance => false,
                null,
                token));
        }

        private UpgradeRunOptions RunOptions() => new UpgradeRunOptions
        {
            ThrottleLimit = ThrottleLimit,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            PollInterval = TimeSpan.FromSeconds(PollIntervalSec),
            SkipCompatibilityCheck = SkipCompatibilityCheck,
            AcceptNewCertificate = AcceptNewCertificate,
            IngestRestoreTimeout = TimeSpan.FromSeconds(IngestRestoreTimeoutSec),
        };

        /// <summary>Connects the Server/ApiKey rows in parallel; a row that cannot connect gets a Failed result at once and the others go on.</summary>
        private void ConnectPendingRows()
        {
            if (pendingConnections.Count == 0) return;
            List<(PendingConnection Row, ExtraHopSession? Session, Exception? Error)> connected = Run(token => FleetRunner.RunAsync<PendingConnection, (PendingConnection, ExtraHopSession?, Exception?)>(
                pendingConnections,
                ParallelConnects,
                async (row, rowToken) =>
                {
                    try
                    {
                        return (row, await ApplianceConnector.ConnectAsync(row.Request(), rowToken).ConfigureAwait(false), null);
                    }
                    catch (Exception ex) when (ex is ExtraHopApiException || ex is ArgumentException)
                    {
                        return (row, null, ex);
                    }
                },
                row => (row, null, new OperationCanceledException()),
                null,
                token));

            foreach (PendingConnection row in pendingConnections)
            {
                var (_, session, error) = connected.First(c => ReferenceEquals(c.Row, row));
                if (session != null)
                {
                    commandSessions.Add(session);
                    AddTargets(new[] { session }, row.Source);
                    continue;
                }
                unreachable.Add(row.Server);
                var result = new FirmwareUpgradeResult { Server = row.Server, Status = UpgradeStatus.Failed, Error = "Could not connect: " + error!.Message };
                notConnected.Add(result);
                WriteObject(result);
                WriteApplianceFailure(ErrorMapper.ToErrorRecord(error, row.Server), row.Server);
            }
        }

        private sealed class PendingConnection
        {
            public PendingConnection(string server, SecureString apiKey, string? thumbprint, UpgradeSource source)
            {
                Server = server;
                ApiKey = apiKey;
                Thumbprint = thumbprint;
                Source = source;
            }

            public string Server { get; }
            public SecureString ApiKey { get; }
            public string? Thumbprint { get; }
            public UpgradeSource Source { get; }

            public ConnectRequest Request() =>
                new ConnectRequest(Server, new ConnectionSettings { Tls = Thumbprint == null ? TlsPolicy.Validate() : TlsPolicy.Pin(Thumbprint) }) { ApiKey = ApiKey };
        }
    }
}
