using System;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Deletes a user account, optionally giving the dashboards, collections and activity maps it owns to another user.
    /// Refuses the setup user and the session's own account before anything is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "EHUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveEHUserCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string Username { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string? TransferTo { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPrepare(Username, () => UserRemovalRules.CheckArguments(Username, TransferTo), out _)) return;

            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!TryRun(Username, token => UserRemovalRules.CheckAsync(session, Username, TransferTo, token), out ExtraHopUser user)) continue;
                string transfer = TransferTo == null ? " (its dashboards and collections are not transferred)" : $" (its dashboards and collections go to '{TransferTo}')";
                if (!ShouldProcessUnlessForced(Force, $"user '{user.Username}' ({user.Name}) on {session.Server}", "Remove" + transfer)) continue;
                TryRun(Username, async token =>
                {
                    await UserApi.DeleteAsync(session, user.Username, TransferTo, token).ConfigureAwait(false);
                    return true;
                }, out _);
            }
        }
    }
}
