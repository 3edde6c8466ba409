using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Turns a recordstore cluster's record ingest on or off. While it is off, records sent to the cluster are dropped.</summary>
    [Cmdlet(VerbsCommon.Set, "EHClusterIngest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ClusterIngestChange))]
    public sealed class SetEHClusterIngestCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(BooleanCompleter))]
        public bool Enabled { get; set; }

        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                try
                {
                    // Read first: it proves the endpoint exists, names the cluster for the prompt, and gives "before".
                    ClusterIngestState? before = ReadUnlessOnlyChangeable(session);
                    string now = before == null ? "its current state cannot be read" : "now " + (before.IngestEnabled ? "on" : "off");
                    string cluster = before == null ? $"the recordstore cluster of {session.Server}" : "recordstore cluster " + before.ClusterId;
                    string action = Enabled
                        ? $"Enable record ingest on {cluster} ({now})"
                        : $"Disable record ingest on {cluster} ({now}): records sent to it are dropped until it is enabled again";
                    if (!ShouldProcessUnlessForced(Force, session.Server, action)) continue;

                    ClusterIngestState? after = Run(async token =>
                    {
                        await ClusterApi.SetAsync(session, Enabled, token).ConfigureAwait(false);
                        return before == null ? null : await ClusterApi.GetAsync(session, token).ConfigureAwait(false);
                    });
                    if (after != null && after.IngestEnabled != Enabled)
                    {
                        WriteWarning($"{session.Server} accepted the change but still reports ingest {(after.IngestEnabled ? "on" : "off")}.");
                    }
                    if (PassThru)
                    {
                        WriteObject(new ClusterIngestChange { ClusterId = after?.ClusterId ?? session.Server, Before = before?.IngestEnabled, After = after?.IngestEnabled ?? Enabled, Session = session });
                    }
                }
                catch (System.Exception ex) when (ex is ExtraHopApiException || ex is ClusterIngestUnsupportedException)
                {
                    WriteFailure(ex, session);
                }
            }
        }

        /// <summary>
        /// The state before the change, or null for a recordstore that offers only the REST API guide's documented
        /// change (no GET): the change is still made, with a warning that the earlier state is unknown.
        /// </summary>
        private ClusterIngestState? ReadUnlessOnlyChangeable(ExtraHopSession session)
        {
            try
            {
                return Run(token => ClusterApi.GetAsync(session, token));
            }
            catch (ClusterIngestUnsupportedException ex) when (ex.CanBeChanged)
            {
                WriteWarning($"{ex.Message} Its record ingest is set as the guide documents, but its earlier state is unknown.");
                return null;
            }
        }
    }
}
