using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ExtraHop.Sessions
{
    /// <summary>Tab completion for a [bool] parameter, which PowerShell leaves to file names: $true and $false.</summary>
    internal sealed class BooleanCompleter : IArgumentCompleter
    {
        private static readonly string[] Values = { "$true", "$false" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? string.Empty).TrimStart('$');
            return Values.Where(v => v.Substring(1).StartsWith(typed, System.StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
        }
    }
}
