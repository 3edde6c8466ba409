using System;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;
using ExtraHop.Upgrade;

namespace ExtraHop.Commands
{
    /// <summary>Rolls appliances back to their previous firmware image and follows the rollback through the reboot.</summary>
    [Cmdlet(VerbsCommon.Undo, "EHFirmwareUpgrade", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(FirmwareUpgradeResult), typeof(ExtraHopJob))]
    public sealed class UndoEHFirmwareUpgradeCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter NoWait { get; set; }

        [Parameter]
        [ValidateRange(1, TimeLimits.MaxWaitSeconds)]
        public int TimeoutSec { get; set; } = 3600;

        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 5;

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!TryRun(session, token => FirmwareApi.GetPreviousAsync(session, token), out FirmwareInfo previous)) continue;
                string action = $"Roll back firmware from {session.Version} to {previous.Version}: the appliance restarts and its datastore is reset";
                if (!ShouldProcessUnlessForced(Force, session.Server, action)) continue;

                // From here on the rollback request, the wait and the version read back share -TimeoutSec.
                var options = new UpgradeRunOptions { Timeout = TimeSpan.FromSeconds(TimeoutSec), PollInterval = TimeSpan.FromSeconds(PollIntervalSec) };
                var observer = new UpgradeProgressObserver(write => Post(() => write(this)), "Rolling back firmware", 1);
                ExtraHopJob? started = null;
                FirmwareUpgradeResult result = Run(async token =>
                {
                    FirmwareUpgradeResult outcome = await ApplianceRollback.RunAsync(session, previous, !NoWait, job => started = job, options, observer, token).ConfigureAwait(false);
                    if (!NoWait) observer.Finished(outcome);
                    return outcome;
                });
                if (!NoWait) continue;

                ErrorRecord? error = UpgradeErrors.For(result);
                if (started != null) WriteObject(started);
                else if (error != null) WriteError(error);
            }
        }
    }
}
