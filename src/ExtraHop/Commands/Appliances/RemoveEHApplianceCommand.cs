using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Disconnects an appliance from the console (DELETE /appliances/{id}). The appliance is read first, so an id the
    /// console does not know, or a session that is no console, is refused before anything changes.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "EHAppliance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEHApplianceCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, long.MaxValue)]
        public long Id { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!TryRun(Id, token =>
                {
                    ConsoleOnly.Disconnect.Require(session);
                    ApplianceApi.RefuseLocal(Id, "disconnect");
                    return ApplianceApi.GetAsync(session, Id, token);
                }, out ExtraHopAppliance appliance)) continue;
                string target = $"appliance {appliance.Id} ({appliance.Name}, {appliance.Platform} {appliance.FirmwareVersion}) connected to {session.Server}";
                if (!ShouldProcessUnlessForced(Force, target, "Disconnect; the console stops managing it and loses its data access")) continue;
                TryRun(Id, async token =>
                {
                    await ApplianceApi.DisconnectAsync(session, Id, token).ConfigureAwait(false);
                    return true;
                }, out _);
            }
        }
    }
}
