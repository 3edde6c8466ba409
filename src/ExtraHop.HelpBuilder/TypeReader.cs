using System.Collections.Generic;

namespace ExtraHop.HelpBuilder
{
    /// <summary>Reads INPUTS or OUTPUTS: each "### Full.Type.Name" with a sentence about it.</summary>
    internal static class TypeReader
    {
        public static void Read(HelpSection section, List<TypeHelp> target, HelpDiagnostics diagnostics)
        {
            SectionRules.RejectText(section, diagnostics);
            foreach (HelpSection sub in section.Subsections)
            {
                var type = new TypeHelp(sub.Title);
                type.Description.AddRange(HelpText.Paragraphs(sub.Blocks));
                target.Add(type);
            }
        }
    }
}
