using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Unlocks user accounts locked after failed password attempts, such as the setup account (firmware 9.9 and later).</summary>
    [Cmdlet(VerbsCommon.Unlock, "EHUser", SupportsShouldProcess = true)]
    [OutputType(typeof(ExtraHopUserLock))]
    public sealed class UnlockEHUserCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[] Username { get; set; } = new string[0];

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
                foreach (string username in Username)
                {
                    if (!ShouldProcess($"user '{username}' on {session.Server}", "Unlock")) continue;
                    ChangeThenPassThru(username,
                        token => UserLockApi.UnlockAsync(session, username, token),
                        PassThru,
                        token => UserLockApi.GetAsync(session, username, token));
                }
            }
        }
    }
}
