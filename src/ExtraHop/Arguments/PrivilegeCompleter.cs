using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ExtraHop.Api;

namespace ExtraHop.Arguments
{
    /// <summary>Tab completion for -Privilege: every "family=level" the guide lists (write=limited, ndr=full ...). Never touches the network.</summary>
    internal sealed class PrivilegeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return PrivilegeRules.Levels
                .SelectMany(family => family.Value.Select(level => family.Key + "=" + level))
                .Where(pattern.IsMatch)
                .Select(text => new CompletionResult(text, text, CompletionResultType.ParameterValue, text));
        }
    }
}
