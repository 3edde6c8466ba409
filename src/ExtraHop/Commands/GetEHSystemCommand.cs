using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Reads what each appliance is: host name, platform, role, firmware version and edition.</summary>
    [Cmdlet(VerbsCommon.Get, "EHSystem")]
    [OutputType(typeof(ExtraHopSystem))]
    public sealed class GetEHSystemCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord() => WriteFromEachSession(Session, SystemApi.GetAsync);
    }
}
