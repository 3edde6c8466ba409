using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Reads user accounts and their privileges.</summary>
    [Cmdlet(VerbsCommon.Get, "EHUser", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(ExtraHopUser))]
    public sealed class GetEHUserCommand : ExtraHopCmdlet
    {
        private const string NameSet = "Name";
        private const string InputObjectSet = "InputObject";

        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = NameSet)]
        [Alias("Username")]
        [SupportsWildcards]
        [PipedSessionIsNotAName]
        [AllowNull]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Users piped in are read again from the appliance each came from (a user's Name is its display name, not its user name).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [ValidateNotNull]
        public ExtraHopUser[]? InputObject { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                foreach (ExtraHopUser user in InputObject) WriteOne(ResolveSessionOf(user), user.Username);
                return;
            }

            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (Name == null || Name.Length == 0)
                {
                    WriteAll(session, null);
                    continue;
                }

                var patterns = new List<string>();
                foreach (string name in Name)
                {
                    if (WildcardPattern.ContainsWildcardCharacters(name)) patterns.Add(name);
                    else WriteOne(session, name);
                }
                if (patterns.Count > 0) WriteAll(session, patterns.ToArray());
            }
        }

        private void WriteAll(ExtraHopSession session, string[]? patterns)
        {
            if (!TryRun(session, token => UserApi.ListAsync(session, token), out List<ExtraHopUser> users)) return;
            foreach (ExtraHopUser user in users)
            {
                if (patterns == null || NameFilter.Matches(patterns, user.Username)) WriteObject(user);
            }
        }

        private void WriteOne(ExtraHopSession session, string name)
        {
            try
            {
                WriteObject(Run(token => UserApi.GetAsync(session, name, token)));
            }
            catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                var record = ErrorMapper.ToErrorRecord(ex, name);
                record.ErrorDetails = new ErrorDetails($"There is no user '{name}' on {session.Server}.");
                WriteError(record);
            }
            catch (Exception ex) when (ex is ExtraHopApiException || ex is ArgumentException)
            {
                WriteFailure(ex, name);
            }
        }
    }
}
