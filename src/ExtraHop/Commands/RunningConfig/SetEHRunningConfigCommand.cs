using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.RunningConfig;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Replaces the running config with a whole new one (an object, JSON text, or a file such as a backup). The
    /// replace is not saved unless -Save is given; the result says whether unsaved changes remain. -WhatIf lists the
    /// differences it would make, with secrets masked, and sends nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EHRunningConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(RunningConfigUpdate))]
    public sealed class SetEHRunningConfigCommand : ExtraHopCmdlet
    {
        private const string ObjectSet = "Object";
        private const string PathSet = "Path";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public object? InputObject { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        [Parameter]
        public SwitchParameter Save { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            object target = (object?)Path ?? "the config given";
            if (!TryPrepare(target, () => Path != null ? RunningConfigArgument.FromPath(this, Path) : RunningConfigArgument.FromObject(InputObject!), out ConfigDocument desired)) return;

            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!TryRun(session.Server, token => RunningConfigApi.ReadAsync(session, saved: false, token), out ConfigDocument current)) continue;
                List<RunningConfigDifference> differences = ConfigComparer.Compare(current, desired);
                string detail = DifferenceText.Describe(differences);
                string action = "Replace the running config" + (Save ? " and save it" : " (not saved)");
                if (!ShouldProcessUnlessForced(Force, $"the running config of {session.Server}", action, detail)) continue;

                WriteVerbose($"{session.Server}:{Environment.NewLine}{detail}");
                try
                {
                    RunningConfigUpdate? update = Run(token => ReplaceAsync(session, desired, differences.Count, token));
                    WriteObject(update);
                }
                catch (Exception ex) when (ex is ExtraHopApiException || ex is JobFailedException || ex is JobWaitTimeoutException)
                {
                    WriteFailure(ex, session.Server);
                }
            }
        }

        /// <summary>
        /// Sends the new config when it differs (a config that already matches is not sent again), saves when asked, then
        /// reads both copies back to tell the truth about unsaved changes, whatever the appliance did with the replace.
        /// </summary>
        private async Task<RunningConfigUpdate> ReplaceAsync(ExtraHopSession session, ConfigDocument desired, int differences, CancellationToken token)
        {
            if (differences > 0) await RunningConfigApi.ReplaceAsync(session, desired.Text, token).ConfigureAwait(false);
            if (Save) await RunningConfigApi.SaveAsync(session, token).ConfigureAwait(false);
            ConfigDocument running = await RunningConfigApi.ReadAsync(session, saved: false, token).ConfigureAwait(false);
            ConfigDocument saved = await RunningConfigApi.ReadAsync(session, saved: true, token).ConfigureAwait(false);
            return new RunningConfigUpdate
            {
                Differences = differences,
                Replaced = differences > 0,
                Saved = Save,
                UnsavedChanges = ConfigComparer.Compare(saved, running).Count > 0,
            }.From(session);
        }
    }
}
