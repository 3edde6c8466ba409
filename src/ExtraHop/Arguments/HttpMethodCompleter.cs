using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ExtraHop.Arguments
{
    /// <summary>Tab completion for -Method of Invoke-EHRestMethod (ArgumentCompletions does not exist in Windows PowerShell 5.1).</summary>
    internal sealed class HttpMethodCompleter : IArgumentCompleter
    {
        public static readonly string[] Methods = { "GET", "POST", "PUT", "PATCH", "DELETE" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return Methods.Where(pattern.IsMatch).Select(m => new CompletionResult(m, m, CompletionResultType.ParameterValue, m));
        }
    }
}
