using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Restarts processes of an appliance by name. The name is checked against the processes the appliance reports
    /// before anything is sent; a name it does not know is an error naming the ones it has.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "EHProcess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ExtraHopProcess))]
    public sealed class RestartEHProcessCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProcessNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                foreach (string name in Name)
                {
                    if (!TryRun(name, token => ProcessApi.FindAsync(session, name, token), out ExtraHopProcess process)) continue;
                    if (!ShouldProcess($"process '{process.Name}' on {session.Server}", "Restart")) continue;
                    ChangeThenPassThru(name,
                        token => ProcessApi.RestartAsync(session, process, token),
                        PassThru,
                        token => ProcessApi.FindAsync(session, process.Name, token));
                }
            }
        }
    }
}
