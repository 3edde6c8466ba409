using System.Linq;
using Markdig.Syntax;

namespace ExtraHop.HelpBuilder
{
    /// <summary>The schema's rules for where text and "### " subsections may stand.</summary>
    internal static class SectionRules
    {
        /// <summary>SYNOPSIS, DESCRIPTION, NOTES and RELATED LINKS hold text only.</summary>
        public static void RejectSubsections(HelpSection section, HelpDiagnostics diagnostics)
        {
            foreach (HelpSection sub in section.Subsections)
            {
                diagnostics.Error(sub.Line, $"'## {section.Title}' takes no '### ' subsections");
            }
        }

        /// <summary>SYNTAX (with named sets), EXAMPLES, PARAMETERS, INPUTS and OUTPUTS hold "### " subsections only.</summary>
        public static void RejectText(HelpSection section, HelpDiagnostics diagnostics)
        {
            Block? stray = section.Blocks.FirstOrDefault();
            if (stray != null)
            {
                diagnostics.Error(stray.Line + 1, $"text directly under '## {section.Title}': it belongs in a '### ' subsection");
            }
        }
    }
}
