using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.RunningConfig;
using ExtraHop.Sessions;
using ExtraHop.Upgrade;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Backs up the running config of each appliance to a folder: one file per appliance, named by its host name,
    /// written so that an unchanged appliance gives the same bytes every time and a failure never leaves a half file
    /// where a good backup was. Appliances are read in parallel (-ThrottleLimit); each gets a result, and one failing
    /// does not stop the others.
    /// </summary>
    [Cmdlet(VerbsData.Export, "EHRunningConfig")]
    [OutputType(typeof(RunningConfigBackup))]
    public sealed class ExportEHRunningConfigCommand : ExtraHopCmdlet
    {
        private const int ActivityId = 7400;
        private readonly List<ExtraHopSession> sessions = new List<ExtraHopSession>();
        private string folder = string.Empty;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Directory { get; set; } = string.Empty;

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        /// <summary>The folder is checked before any appliance is asked: a nightly task that cannot write learns it at once.</summary>
        protected override void BeginProcessing()
        {
            folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Directory);
            try
            {
                BackupFiles.CheckFolder(folder);
            }
            catch (RunningConfigRefusedException ex)
            {
                ThrowTerminatingError(ErrorMapper.ToErrorRecord(ex, Directory));
            }
        }

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
            Dictionary<ExtraHopSession, string> names = ConfigBackup.Names(sessions);
            var progress = new ProgressLine(ActivityId, $"Exporting the running config of {sessions.Count} appliance(s) to {folder}");
            int done = 0;
            try
            {
                Run(token => FleetRunner.RunAsync<ExtraHopSession, RunningConfigBackup>(
                    sessions,
                    ThrottleLimit,
                    (session, sessionToken) => ExportAsync(session, names[session], sessionToken),
                    session => new RunningConfigBackup { Status = RunningConfigBackupStatus.Failed, Error = "Not started: the command was stopped." }.From(session),
                    backup =>
                    {
                        ProgressRecord? record = progress.Update($"{Interlocked.Increment(ref done)} of {sessions.Count} done; last: {backup.Server} ({backup.Status})", done * 100 / sessions.Count);
                        if (record != null) Post(() => WriteProgress(record));
                    },
                    token));
            }
            finally
            {
                WriteProgress(progress.Completed());
            }
        }

        /// <summary>One appliance; its failure becomes a Failed result and an error (a warning under -ErrorAction Stop), never an exception.</summary>
        private async Task<RunningConfigBackup> ExportAsync(ExtraHopSession session, string name, CancellationToken token)
        {
            RunningConfigBackup backup;
            ErrorRecord? error = null;
            try
            {
                backup = await ConfigBackup.WriteAsync(session, folder, name, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ExtraHopApiException || ex is IOException || ex is UnauthorizedAccessException)
            {
                error = ex is ExtraHopApiException
                    ? ErrorMapper.ToErrorRecord(ex, session.Server)
                    : new ErrorRecord(ex, ErrorIds.BackupWriteFailed, ErrorCategory.WriteError, session.Server);
                backup = new RunningConfigBackup
                {
                    Status = RunningConfigBackupStatus.Failed,
                    Path = System.IO.Path.Combine(folder, name + ConfigBackup.Extension),
                    Hostname = session.Hostname,
                    Version = session.Version,
                    Error = ex.Message,
                }.From(session);
            }
            Post(() =>
            {
                WriteObject(backup);
                if (error != null) WriteApplianceFailure(error, session.Server);
            });
            return backup;
        }
    }
}
