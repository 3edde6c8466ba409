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
    /// Changes a user account: display name, password, enabled, privileges. Only what is given is sent; -WhatIf shows
    /// each change against what the account has now, per appliance.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EHUser", SupportsShouldProcess = true)]
    [OutputType(typeof(ExtraHopUser))]
    public sealed class SetEHUserCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string Username { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public object? Password { get; set; }

        [Parameter]
        public bool Enabled { get; set; }

        [Parameter]
        [PrivilegeTransformation]
        [ArgumentCompleter(typeof(PrivilegeCompleter))]
        public UserPrivileges? Privilege { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPrepare(Username, BuildChanges, out UserChanges changes)) return;

            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!TryRun(Username, token => UserApi.ReadBeforeChangeAsync(session, Username, token), out ExtraHopUser? current)) continue;
                string username = current?.Username ?? Username;
                if (!ShouldProcess($"user '{username}' on {session.Server}", "Set " + changes.Describe(current))) continue;
                ChangeThenPassThru(Username,
                    token => UserApi.UpdateAsync(session, username, changes, token),
                    PassThru,
                    token => UserApi.GetAsync(session, username, token));
            }
        }

        private UserChanges BuildChanges()
        {
            var changes = new UserChanges
            {
                Name = Name,
                Password = MyInvocation.BoundParameters.ContainsKey(nameof(Password)) ? PasswordArgument.Read(Password, nameof(Password)) : null,
                Enabled = MyInvocation.BoundParameters.ContainsKey(nameof(Enabled)) ? Enabled : (bool?)null,
                Privileges = Privilege,
            };
            if (Privilege != null) PrivilegeRules.Validate(Privilege);
            if (changes.IsEmpty) throw new ArgumentException("Nothing to change: give -Name, -Password, -Enabled or -Privilege.");
            return changes;
        }
    }
}
