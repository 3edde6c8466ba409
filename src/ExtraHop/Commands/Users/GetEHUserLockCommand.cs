using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Tells whether user accounts are locked after failed password attempts (firmware 9.9 and later).</summary>
    [Cmdlet(VerbsCommon.Get, "EHUserLock")]
    [OutputType(typeof(ExtraHopUserLock))]
    public sealed class GetEHUserLockCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[] Username { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string username in Username) WriteFromEachSession(Session, (session, token) => UserLockApi.GetAsync(session, username, token));
        }
    }
}
