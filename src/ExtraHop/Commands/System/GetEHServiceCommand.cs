using System.Linq;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Reads which services (ssh, snmp, the management GUI...) each appliance has enabled.</summary>
    [Cmdlet(VerbsCommon.Get, "EHService")]
    [OutputType(typeof(ExtraHopService))]
    public sealed class GetEHServiceCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord() => WriteFromEachSession(Session, async (session, token) =>
        {
            var services = await ServiceApi.GetAllAsync(session, token).ConfigureAwait(false);
            return Name == null ? services : services.Where(s => NameFilter.Matches(Name, s.Name)).ToList();
        });
    }
}
