using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Reads whether a recordstore's cluster takes in records.</summary>
    [Cmdlet(VerbsCommon.Get, "EHClusterIngest")]
    [OutputType(typeof(ClusterIngestState))]
    public sealed class GetEHClusterIngestCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord() => WriteFromEachSession(Session, ClusterApi.GetAsync, onlyOn: ApplianceRole.Recordstore);
    }
}
