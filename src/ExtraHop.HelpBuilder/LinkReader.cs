using System;
using System.Linq;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ExtraHop.HelpBuilder
{
    /// <summary>
    /// Reads RELATED LINKS: "[Text](target)" entries. Get-Help -Online can open only an absolute http(s)
    /// address; a link to another help topic keeps just its text, which Get-Help shows as a name to look up.
    /// </summary>
    internal static class LinkReader
    {
        public static void Read(HelpSection section, CommandHelp command, HelpDiagnostics diagnostics)
        {
            SectionRules.RejectSubsections(section, diagnostics);
            foreach (ParagraphBlock paragraph in section.Blocks.OfType<ParagraphBlock>())
            {
                LinkInline[] links = paragraph.Inline?.OfType<LinkInline>().ToArray() ?? Array.Empty<LinkInline>();
                if (links.Length == 0)
                {
                    command.RelatedLinks.Add(new LinkHelp(HelpText.Inline(paragraph.Inline).Trim(), null));
                    continue;
                }

                foreach (LinkInline link in links)
                {
                    string target = (link.Url ?? string.Empty).Trim();
                    bool isWeb = Uri.TryCreate(target, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
                    command.RelatedLinks.Add(new LinkHelp(HelpText.Inline(link).Trim(), isWeb ? target : null));
                }
            }
        }
    }
}
