using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Saves the running config, so the appliance keeps it across a restart (POST /runningconfig/save).</summary>
    [Cmdlet(VerbsData.Save, "EHRunningConfig", SupportsShouldProcess = true)]
    public sealed class SaveEHRunningConfigCommand : ExtraHopCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!ShouldProcess($"the running config of {session.Server}", "Save")) continue;
                if (TryRun(session.Server, async token =>
                {
                    await RunningConfigApi.SaveAsync(session, token).ConfigureAwait(false);
                    return true;
                }, out bool _)) WriteVerbose($"{session.Server}: the running config is saved.");
            }
        }
    }
}
