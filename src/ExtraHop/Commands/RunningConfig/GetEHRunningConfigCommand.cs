using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Reads the running config (or its saved copy, or one top-level section) as PowerShell objects, or with -Raw as
    /// the JSON text exactly as the appliance sent it.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EHRunningConfig")]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class GetEHRunningConfigCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RunningConfigSectionCompleter))]
        public string? Section { get; set; }

        [Parameter]
        public SwitchParameter Saved { get; set; }

        [Parameter]
        public SwitchParameter Raw { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            WriteFromEachSession(Session, async (session, token) =>
            {
                string text = await RunningConfigApi.ReadTextAsync(session, Saved, Section, token).ConfigureAwait(false);
                return Raw ? text : JsonObjects.ToPowerShell(RunningConfigApi.Parse(session, text));
            });
        }
    }
}
