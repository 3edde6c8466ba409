using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>The packet sensor each IDS sensor is joined to (GET /appliances/{ids_id}/association; consoles, firmware 9.9 and later).</summary>
    [Cmdlet(VerbsCommon.Get, "EHApplianceAssociation")]
    [OutputType(typeof(ExtraHopApplianceAssociation))]
    public sealed class GetEHApplianceAssociationCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] IdsSensorId { get; set; } = new long[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                foreach (long id in IdsSensorId)
                {
                    if (TryRun(id, token => ApplianceAssociationApi.GetAsync(session, id, token), out ExtraHopApplianceAssociation association)) WriteObject(association);
                }
            }
        }
    }
}
