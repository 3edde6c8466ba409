using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Joins an IDS sensor to a packet sensor (POST /appliances/{ids_id}/association; consoles, firmware 9.9 and later).
    /// Both ids are read first: one that is not an IDS sensor, or a packet sensor that is not one, is refused before
    /// anything changes.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EHApplianceAssociation", SupportsShouldProcess = true)]
    [OutputType(typeof(ExtraHopApplianceAssociation))]
    public sealed class SetEHApplianceAssociationCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long IdsSensorId { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateRange(1, long.MaxValue)]
        public long PacketSensor { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!TryRun(IdsSensorId, token => ApplianceAssociationApi.CheckAsync(session, IdsSensorId, PacketSensor, token), out ExtraHopAppliance ids)) continue;
                if (!ShouldProcess($"IDS sensor {ids.Id} ({ids.Name}) on {session.Server}", $"Join to packet sensor {PacketSensor}")) continue;
                ChangeThenPassThru(IdsSensorId,
                    token => ApplianceAssociationApi.SetAsync(session, IdsSensorId, PacketSensor, token),
                    PassThru,
                    token => ApplianceAssociationApi.GetAsync(session, IdsSensorId, token));
            }
        }
    }
}
