using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ExtraHop.HelpBuilder
{
    /// <summary>
    /// Markdown blocks as help text. Get-Help wraps each paragraph to the console, so the lines of a paragraph
    /// are joined with a space, as markdown renders them; each list item is a paragraph of its own that keeps
    /// its bullet; code keeps its lines. Inline code keeps its backticks, as PlatyPS keeps them.
    /// </summary>
    internal static class HelpText
    {
        /// <summary>The prose paragraphs and code blocks of a section, in order.</summary>
        public static List<string> Paragraphs(IEnumerable<Block> blocks)
        {
            var paragraphs = new List<string>();
            foreach (Block block in blocks)
            {
                switch (block)
                {
                    case ParagraphBlock paragraph:
                        paragraphs.Add(Inline(paragraph.Inline).Trim());
                        break;
                    case ListBlock list:
                        paragraphs.AddRange(ListItems(list));
                        break;
                    case CodeBlock code:
                        paragraphs.Add(Code(code));
                        break;
                }
            }

            return paragraphs.Where(p => p.Length > 0).ToList();
        }

        /// <summary>The lines of a code block, as written (indentation kept).</summary>
        public static string Code(LeafBlock code) =>
            string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString().TrimEnd()));

        /// <summary>Inline content as plain text: soft line breaks become spaces; links leave their text.</summary>
        public static string Inline(ContainerInline? inline)
        {
            var text = new StringBuilder();
            Append(inline, text);
            return text.ToString();
        }

        private static IEnumerable<string> ListItems(ListBlock list)
        {
            int number = int.TryParse(list.OrderedStart, out int start) ? start : 1;
            foreach (ListItemBlock item in list.OfType<ListItemBlock>())
            {
                string bullet = list.IsOrdered ? $"{number++}{list.OrderedDelimiter}" : list.BulletType.ToString();
                foreach (string paragraph in Paragraphs(item))
                {
                    yield return bullet + " " + paragraph;
                }
            }
        }

        private static void Append(ContainerInline? container, StringBuilder text)
        {
            for (Inline? inline = container?.FirstChild; inline != null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        var ticks = new string(code.Delimiter, code.DelimiterCount);
                        text.Append(ticks).Append(code.Content).Append(ticks);
                        break;
                    case LineBreakInline:
                        text.Append(' ');
                        break;
                    case HtmlInline html:
                        text.Append(html.Tag);
                        break;
                    case AutolinkInline autolink:
                        text.Append(autolink.Url);
                        break;
                    case EmphasisInline emphasis:
                        var marks = new string(emphasis.DelimiterChar, emphasis.DelimiterCount);
                        text.Append(marks);
                        Append(emphasis, text);
                        text.Append(marks);
                        break;
                    case ContainerInline other:
                        Append(other, text);
                        break;
                }
            }
        }
    }
}
