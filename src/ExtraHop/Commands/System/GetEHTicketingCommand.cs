using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Reads each appliance's ticketing integration: whether it is enabled, and the template of a ticket's address.</summary>
    [Cmdlet(VerbsCommon.Get, "EHTicketing")]
    [OutputType(typeof(ExtraHopTicketing))]
    public sealed class GetEHTicketingCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord() => WriteFromEachSession(Session, TicketingApi.GetAsync);
    }
}
