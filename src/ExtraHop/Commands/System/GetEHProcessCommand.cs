using System.Linq;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Reads the processes of each appliance and whether each runs.</summary>
    [Cmdlet(VerbsCommon.Get, "EHProcess")]
    [OutputType(typeof(ExtraHopProcess))]
    public sealed class GetEHProcessCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProcessNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord() => WriteFromEachSession(Session, async (session, token) =>
        {
            var processes = await ProcessApi.GetAllAsync(session, token).ConfigureAwait(false);
            return Name == null ? processes : processes.Where(p => NameFilter.Matches(Name, p.Name)).ToList();
        });
    }
}
