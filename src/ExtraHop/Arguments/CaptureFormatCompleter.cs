using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ExtraHop.Arguments
{
    /// <summary>
    /// Tab completion for Save-EHPacket -Format. The cmdlet checks the value itself rather than with ValidateSet:
    /// Get-Help draws a ValidateSet parameter as {a | b} while the docs' syntax (PlatyPS form) writes &lt;String&gt;.
    /// </summary>
    internal sealed class CaptureFormatCompleter : IArgumentCompleter
    {
        public static readonly string[] Formats = { "pcap", "pcapng", "zip" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return Formats.Where(pattern.IsMatch).Select(f => new CompletionResult(f, f, CompletionResultType.ParameterValue, f));
        }
    }
}
