using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Shuts appliances down. They stay off until someone powers them on (at the hardware, its iDRAC, or the hypervisor).</summary>
    [Cmdlet(VerbsLifecycle.Stop, "EHAppliance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class StopEHApplianceCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!ShouldProcessUnlessForced(Force, session.Server, "Shut the appliance down (it stays off until it is powered on again)")) continue;
                TryRun(session, async token =>
                {
                    await ApplianceRestartApi.ShutdownAsync(session, token).ConfigureAwait(false);
                    return true;
                }, out bool _);
            }
        }
    }
}
