using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ExtraHop.Sessions
{
    /// <summary>
    /// Tab completion for -Session (and Connect-ExtraHop -Server): the names of the sessions connected in this runspace,
    /// each once, though a name can have two sessions (one connected with -NotDefault). Never touches the network.
    /// </summary>
    internal sealed class SessionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            var offered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (Models.ExtraHopSession session in SessionRegistry.Current.All)
            {
                if (pattern.IsMatch(session.Server) && offered.Add(session.Server))
                {
                    yield return new CompletionResult(session.Server, session.Server, CompletionResultType.ParameterValue, session.ToString());
                }
            }
        }
    }
}
