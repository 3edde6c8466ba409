using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Runs the default support pack (the diagnostics ExtraHop Support asks for) on appliances, waits for each run
    /// to finish, and returns the pack file it made, ready for Save-EHSupportPack.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "EHSupportPack", SupportsShouldProcess = true)]
    [OutputType(typeof(ExtraHopSupportPack))]
    public sealed class NewEHSupportPackCommand : SupportPackRunCmdlet
    {
        protected override void ProcessRecord()
        {
            foreach (var session in ResolveSessions(Session))
            {
                if (!ShouldProcessOrExplain(session.Server, "Run the default support pack")) continue;
                RunOn(session, "the default support pack", token => SupportPackApi.StartDefaultAsync(session, token));
            }
        }
    }
}
