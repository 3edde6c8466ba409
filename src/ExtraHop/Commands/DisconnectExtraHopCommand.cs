using System.Management.Automation;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Closes sessions: forgets them in this runspace, drops cached tokens and closes their connections.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ExtraHop", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(void))]
    public sealed class DisconnectExtraHopCommand : ExtraHopCmdlet
    {
        private const string SessionSet = "Session";
        private const string AllSet = "All";

        [Parameter(ParameterSetName = SessionSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord()
        {
            SessionRegistry registry = SessionRegistry.Current;
            // Named sessions are taken as they are, so one already closed does not stop the others being closed.
            ExtraHopSession[] sessions = All ? new System.Collections.Generic.List<ExtraHopSession>(registry.All).ToArray() : SessionsGivenOrDefault(Session);
            foreach (ExtraHopSession session in sessions)
            {
                registry.Remove(session);
                if (!session.IsConnected) continue;
                session.Close();
                WriteVerbose($"Disconnected from {session.Server}.");
            }
        }
    }
}
