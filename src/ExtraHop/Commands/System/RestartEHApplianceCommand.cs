using System;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Restarts appliances. With -Wait it follows each one down and up again, within -TimeoutSec, and checks it came
    /// back running the same firmware; the appliances are restarted one after the other, so with -Wait only one is
    /// down at a time.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "EHAppliance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ExtraHopSystem))]
    public sealed class RestartEHApplianceCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, TimeLimits.MaxWaitSeconds)]
        public int TimeoutSec { get; set; } = 1800;

        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 5;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!ShouldProcessUnlessForced(Force, session.Server, "Restart the appliance (it stops capturing and answering while it reboots)")) continue;
                try
                {
                    ExtraHopSystem? back = Run(async token =>
                    {
                        // The version before, read just ahead of the restart, is what the appliance must come back with.
                        string? before = Wait ? (await SystemApi.ReadIdentityAsync(session.Connection, token).ConfigureAwait(false)).Version : null;
                        await ApplianceRestartApi.RestartAsync(session, token).ConfigureAwait(false);
                        if (!Wait) return null;
                        return await ApplianceRestartApi.WaitUntilBackAsync(session, before, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec),
                            status => Post(() => WriteProgress(new ProgressRecord(1, $"Restarting {session.Server}", status))), token).ConfigureAwait(false);
                    });
                    if (Wait) WriteProgress(new ProgressRecord(1, $"Restarting {session.Server}", "back") { RecordType = ProgressRecordType.Completed });
                    if (back != null) WriteObject(back);
                }
                catch (Exception ex) when (ex is ExtraHopApiException || ex is ApplianceRestartException)
                {
                    WriteFailure(ex, session);
                }
            }
        }
    }
}
