using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Reads the appliance's jobs: all of them, or the ones named by id.</summary>
    [Cmdlet(VerbsCommon.Get, "EHJob")]
    [OutputType(typeof(ExtraHopJob))]
    public sealed class GetEHJobCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(JobIdCompleter))]
        public string[]? Id { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (Id == null)
            {
                WriteFromEachSession(Session, JobApi.ListAsync);
                return;
            }

            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                foreach (string id in Id)
                {
                    if (TryRun(id, token => JobApi.GetAsync(session, id, token), out ExtraHopJob job)) WriteObject(job);
                }
            }
        }
    }
}
