using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// The appliance itself and, on a console, the appliances connected to it, with their firmware and status.
    /// With -Id, one connected appliance (the guide makes that console-only; id 0, the appliance itself, works anywhere).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EHAppliance")]
    [OutputType(typeof(ExtraHopAppliance))]
    public sealed class GetEHApplianceCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, long.MaxValue)]
        public long[]? Id { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (Id == null || Id.Length == 0)
            {
                WriteFromEachSession(Session, ApplianceApi.GetAllAsync);
                return;
            }
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                foreach (long id in Id)
                {
                    if (TryRun(id, token => ApplianceApi.GetAsync(session, id, token), out ExtraHopAppliance appliance)) WriteObject(appliance);
                }
            }
        }
    }
}
