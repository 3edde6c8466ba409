using System;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Creates a user account on each appliance given: local with a password, or remote (SAML, LDAP) without one, with
    /// privileges, optionally with an API key that comes back once, as a SecureString in the result.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "EHUser", SupportsShouldProcess = true, DefaultParameterSetName = LocalSet)]
    [OutputType(typeof(ExtraHopUser))]
    public sealed class NewEHUserCommand : ExtraHopCmdlet
    {
        private const string LocalSet = "Local";
        private const string RemoteSet = "Remote";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Username { get; set; } = string.Empty;

        /// <summary>The display name; the user name when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LocalSet)]
        public object? Password { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = RemoteSet)]
        public SwitchParameter Remote { get; set; }

        [Parameter]
        public bool Enabled { get; set; } = true;

        [Parameter]
        [PrivilegeTransformation]
        [ArgumentCompleter(typeof(PrivilegeCompleter))]
        public UserPrivileges? Privilege { get; set; }

        [Parameter]
        public SwitchParameter CreateApiKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPrepare(Username, BuildRequest, out NewUserRequest request)) return;

            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!TryRun(Username, token => UserApi.EnsureAbsentAsync(session, Username, token), out _)) continue;
                if (!ShouldProcess(session.Server, "Create " + request.Describe())) continue;
                if (!TryRun(Username, token => UserApi.CreateAsync(session, request, token), out ExtraHopUser user)) continue;
                if (CreateApiKey && user.NewApiKey == null)
                {
                    WriteWarning($"{session.Server} created '{Username}' but did not return the new API key; create one on its API Access page.");
                }
                WriteObject(user);
            }
        }

        private NewUserRequest BuildRequest()
        {
            UserPrivileges privileges = Privilege ?? new UserPrivileges();
            PrivilegeRules.Validate(privileges);
            return new NewUserRequest(Username, Name ?? Username)
            {
                Password = Remote ? null : PasswordArgument.Read(Password, nameof(Password)),
                Enabled = Enabled,
                Privileges = privileges,
                CreateApiKey = CreateApiKey,
            };
        }
    }
}
