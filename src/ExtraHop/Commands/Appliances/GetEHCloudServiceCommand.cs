using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Whether each appliance is enrolled in ExtraHop Cloud Services (GET /appliances/0/cloudservices).</summary>
    [Cmdlet(VerbsCommon.Get, "EHCloudService")]
    [OutputType(typeof(ExtraHopCloudService))]
    public sealed class GetEHCloudServiceCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord() => WriteFromEachSession(Session, CloudServiceApi.GetAsync);
    }
}
