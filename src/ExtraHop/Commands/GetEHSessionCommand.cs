using System.Management.Automation;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Lists the sessions connected in this runspace.</summary>
    [Cmdlet(VerbsCommon.Get, "EHSession")]
    [OutputType(typeof(ExtraHopSession))]
    public sealed class GetEHSessionCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public string[]? Server { get; set; }

        [Parameter]
        public SwitchParameter Default { get; set; }

        protected override void ProcessRecord()
        {
            SessionRegistry registry = SessionRegistry.Current;
            foreach (ExtraHopSession session in registry.All)
            {
                if (Default && !session.IsDefault) continue;
                if (Server != null && !NameFilter.Matches(Server, session.Server, session.Hostname)) continue;
                WriteObject(session);
            }
        }
    }
}
