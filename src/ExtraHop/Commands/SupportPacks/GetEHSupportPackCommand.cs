using System.Collections.Generic;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Lists the support pack files on appliances: file name, size and time.</summary>
    [Cmdlet(VerbsCommon.Get, "EHSupportPack")]
    [OutputType(typeof(ExtraHopSupportPack))]
    public sealed class GetEHSupportPackCommand : ExtraHopCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? FileName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!TryRun(session, token => SupportPackApi.ListAsync(session, token), out List<ExtraHopSupportPack> packs)) continue;
                var unmatched = new List<string>(FileName ?? new string[0]);
                foreach (ExtraHopSupportPack pack in packs)
                {
                    if (FileName != null && !NameFilter.Matches(FileName, pack.FileName)) continue;
                    unmatched.RemoveAll(name => NameFilter.Matches(new[] { name }, pack.FileName));
                    WriteObject(pack);
                }
                foreach (string name in unmatched)
                {
                    // A pattern that matches nothing is no error (as with Get-ChildItem); a plain name that matches nothing is.
                    if (WildcardPattern.ContainsWildcardCharacters(name)) continue;
                    WriteError(new ErrorRecord(new ItemNotFoundException($"{session.Server} has no support pack named '{name}'."), ErrorIds.NotFound, ErrorCategory.ObjectNotFound, name));
                }
            }
        }
    }
}
