using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using ExtraHop.HelpBuilder;
using Xunit;

namespace ExtraHop.Tests.Help
{
    /// <summary>
    /// The MAML has the shape both Get-Help engines look for: a helpItems root in the maml schema, one
    /// command:command per cmdlet found by command:details/command:name, and the parameter facts as attributes.
    /// GetHelpTests proves PowerShell 7 reads what the build wrote; these checks pin the structure that Windows
    /// PowerShell 5.1's help reader also relies on, and the writer's own choices, on the sample.
    /// </summary>
    public sealed class MamlWriterTests
    {
        private static readonly CommandHelp Sample = MarkdownHelpParser.Parse(SampleHelp.Text, SampleHelp.FileName).Command!;

        private static byte[] Write(params CommandHelp[] commands)
        {
            using var stream = new MemoryStream();
            MamlWriter.Write(commands, stream);
            return stream.ToArray();
        }

        private static (XmlDocument Doc, XmlNamespaceManager Ns) Load(byte[] bytes)
        {
            var doc = new XmlDocument();
            using (var stream = new MemoryStream(bytes)) doc.Load(stream);
            var ns = new XmlNamespaceManager(doc.NameTable);
            ns.AddNamespace("msh", MamlWriter.MshNamespace);
            ns.AddNamespace("maml", MamlWriter.MamlNamespace);
            ns.AddNamespace("command", MamlWriter.CommandNamespace);
            ns.AddNamespace("dev", MamlWriter.DevNamespace);
            return (doc, ns);
        }

        [Fact]
        public void FileIsUtf8WithDeclarationAndAHelpItemsRootInTheMamlSchema()
        {
            byte[] bytes = Write(Sample);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

            (XmlDocument doc, XmlNamespaceManager ns) = Load(bytes);
            Assert.Equal("helpItems", doc.DocumentElement!.LocalName);
            Assert.Equal(MamlWriter.MshNamespace, doc.DocumentElement.NamespaceURI);
            Assert.Equal("maml", doc.DocumentElement.GetAttribute("schema"));
            Assert.Equal("Get-HbtWidget", doc.SelectSingleNode("/msh:helpItems/command:command/command:details/command:name", ns)!.InnerText);
        }

        [Fact]
        public void EveryParameterCarriesTheAttributesAndElementsGetHelpReads()
        {
            (XmlDocument doc, XmlNamespaceManager ns) = Load(Write(Sample));
            XmlNodeList parameters = doc.SelectNodes("//command:parameter", ns)!;
            Assert.NotEmpty(parameters);
            foreach (XmlElement p in parameters)
            {
                string name = p.SelectSingleNode("maml:name", ns)!.InnerText;
                foreach (string attribute in new[] { "required", "globbing", "pipelineInput", "position", "aliases", "variableLength" })
                {
                    Assert.True(p.HasAttribute(attribute), $"-{name} lacks {attribute}");
                }
                Assert.NotNull(p.SelectSingleNode("maml:description/maml:para", ns));
                Assert.NotNull(p.SelectSingleNode("dev:type/maml:name", ns));
                Assert.NotNull(p.SelectSingleNode("dev:defaultValue", ns));
            }
        }

        [Fact]
        public void EachSyntaxItemShowsItsOwnSetsFactsAndTheListShowsTheFirstYamlBlock()
        {
            (XmlDocument doc, XmlNamespaceManager ns) = Load(Write(Sample));
            XmlNodeList items = doc.SelectNodes("//command:syntax/command:syntaxItem", ns)!;
            Assert.Equal(2, items.Count);
            Assert.Equal("true", ((XmlElement)items[0]!.SelectSingleNode("command:parameter[maml:name='Name']", ns)!).GetAttribute("required"));
            Assert.Equal("0", ((XmlElement)items[0]!.SelectSingleNode("command:parameter[maml:name='Name']", ns)!).GetAttribute("position"));
            Assert.Equal("false", ((XmlElement)items[1]!.SelectSingleNode("command:parameter[maml:name='Name']", ns)!).GetAttribute("required"));
            Assert.Null(items[0]!.SelectSingleNode("command:parameter[maml:name='Color']", ns));

            var listed = (XmlElement)doc.SelectSingleNode("//command:parameters/command:parameter[maml:name='Name']", ns)!;
            Assert.Equal("true", listed.GetAttribute("required"));
            Assert.Equal("WidgetName", listed.GetAttribute("aliases"));
            Assert.Equal("true", listed.GetAttribute("globbing"));
            Assert.Equal("True (ByValue)", listed.GetAttribute("pipelineInput"));

            XmlNode color = doc.SelectSingleNode("//command:parameters/command:parameter[maml:name='Color']", ns)!;
            Assert.Equal(new[] { "Red", "Green", "Blue" }, color.SelectNodes("command:parameterValueGroup/command:parameterValue", ns)!.Cast<XmlNode>().Select(n => n.InnerText));
        }

        [Fact]
        public void SwitchesHaveNoValueInSyntaxButAnOptionalOneInTheList()
        {
            (XmlDocument doc, XmlNamespaceManager ns) = Load(Write(Sample));
            Assert.Null(doc.SelectSingleNode("//command:syntaxItem/command:parameter[maml:name='Force']/command:parameterValue", ns));
            XmlElement value = (XmlElement)doc.SelectSingleNode("//command:parameters/command:parameter[maml:name='Force']/command:parameterValue", ns)!;
            Assert.Equal("false", value.GetAttribute("required"));
            Assert.Equal("SwitchParameter", value.InnerText);
        }

        [Fact]
        public void ExamplesAreFramedAndEndWithABlankParagraphAndTheOnlineAddressIsTheFirstLink()
        {
            (XmlDocument doc, XmlNamespaceManager ns) = Load(Write(Sample));
            XmlNodeList examples = doc.SelectNodes("//command:examples/command:example", ns)!;
            Assert.Equal(2, examples.Count);
            foreach (XmlNode example in examples)
            {
                Assert.Matches(@"^-{3,} Example \d: .+ -{3,}$", example.SelectSingleNode("maml:title", ns)!.InnerText);
                // Get-Help prints nothing after the last remark; the empty paragraph separates one example from the next.
                Assert.Equal(string.Empty, example.SelectNodes("dev:remarks/maml:para", ns)!.Cast<XmlNode>().Last().InnerText);
            }

            XmlNodeList links = doc.SelectNodes("//command:relatedLinks/maml:navigationLink", ns)!;
            Assert.Equal("Online Version:", links[0]!.SelectSingleNode("maml:linkText", ns)!.InnerText);
            Assert.Equal("https://example.com/help/Get-HbtWidget", links[0]!.SelectSingleNode("maml:uri", ns)!.InnerText);
            Assert.Equal(string.Empty, links[2]!.SelectSingleNode("maml:uri", ns)!.InnerText);
        }
    }
}
