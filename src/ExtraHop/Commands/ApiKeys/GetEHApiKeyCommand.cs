using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Lists API keys as the appliance lets the session see them: its own keys, and with system privileges everyone's.
    /// Keys are always shown masked (asterisks and the last four characters).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EHApiKey", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(ExtraHopApiKey))]
    public sealed class GetEHApiKeyCommand : ExtraHopCmdlet
    {
        private const string AllSet = "All";
        private const string IdSet = "Id";
        private const string UserSet = "User";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [ValidateRange(0, long.MaxValue)]
        public long[]? Id { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UserSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Username")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? User { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case IdSet:
                    if (User != null && User.Length > 1)
                    {
                        WriteFailure(new System.ArgumentException("With -Id, give at most one -User: the owner of the keys, for appliances that only serve the older per-user path."), User);
                        return;
                    }
                    foreach (long id in Id!) WriteFromEachSession(Session, (session, token) => ApiKeyApi.GetAsync(session, id, User?[0], token));
                    break;
                case UserSet:
                    foreach (string user in User!) WriteFromEachSession(Session, (session, token) => ApiKeyApi.ListForUserAsync(session, user, token));
                    break;
                default:
                    WriteFromEachSession(Session, ApiKeyApi.ListAsync);
                    break;
            }
        }
    }
}
