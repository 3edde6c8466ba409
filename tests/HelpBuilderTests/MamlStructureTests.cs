using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using ExtraHop.HelpBuilder;
using Xunit;

namespace HelpBuilderTests
{
    /// <summary>
    /// The MAML has the shape both Get-Help engines look for: a helpItems root with schema="maml", one
    /// command:command per cmdlet found by command:details/command:name, the maml/command/dev namespaces, and
    /// the parameter facts as attributes. (GetHelpTests proves PowerShell 7 reads it; these checks pin the
    /// structure that Windows PowerShell 5.1's help reader, the same code lineage, relies on.)
    /// </summary>
    public sealed class MamlStructureTests
    {
        private static readonly List<CommandHelp> Commands = Directory.GetFiles(RepoPaths.Docs, "*.md")
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .Select(f => MarkdownHelpParser.ParseFile(f).Command!)
            .ToList();

        private static XmlDocument Build(IEnumerable<CommandHelp> commands)
        {
            using var stream = new MemoryStream();
            MamlWriter.Write(commands, stream);
            stream.Position = 0;
            var doc = new XmlDocument();
            doc.Load(stream);
            return doc;
        }

        private static XmlNamespaceManager Namespaces(XmlDocument doc)
        {
            var ns = new XmlNamespaceManager(doc.NameTable);
            ns.AddNamespace("msh", MamlWriter.MshNamespace);
            ns.AddNamespace("maml", MamlWriter.MamlNamespace);
            ns.AddNamespace("command", MamlWriter.CommandNamespace);
            ns.AddNamespace("dev", MamlWriter.DevNamespace);
            return ns;
        }

        [Fact]
        public void RootIsHelpItemsInTheMamlSchema()
        {
            XmlDocument doc = Build(Commands);
            Assert.Equal("helpItems", doc.DocumentElement!.LocalName);
            Assert.Equal(MamlWriter.MshNamespace, doc.DocumentElement.NamespaceURI);
            Assert.Equal("maml", doc.DocumentElement.GetAttribute("schema"));
            Assert.Equal(Commands.Count, doc.DocumentElement.ChildNodes.OfType<XmlElement>().Count(e => e.Name == "command:command"));
        }

        [Fact]
        public void FileStartsWithAnXmlDeclarationAndUtf8Mark()
        {
            using var stream = new MemoryStream();
            MamlWriter.Write(Commands, stream);
            byte[] bytes = stream.ToArray();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        }

        [Fact]
        public void EachCommandHasTheElementsGetHelpReads()
        {
            XmlDocument doc = Build(Commands);
            XmlNamespaceManager ns = Namespaces(doc);
            foreach (CommandHelp c in Commands)
            {
                XmlNode command = doc.SelectSingleNode($"/msh:helpItems/command:command[command:details/command:name='{c.Name}']", ns)!;
                Assert.NotNull(command);
                Assert.Equal(c.Verb, command.SelectSingleNode("command:details/command:verb", ns)!.InnerText);
                Assert.Equal(c.Noun, command.SelectSingleNode("command:details/command:noun", ns)!.InnerText);
                Assert.Equal(string.Join(" ", c.Synopsis), command.SelectSingleNode("command:details/maml:description/maml:para", ns)!.InnerText);
                Assert.Equal(c.Description.Count, command.SelectNodes("maml:description/maml:para", ns)!.Count);
                Assert.Equal(c.SyntaxSets.Count, command.SelectNodes("command:syntax/command:syntaxItem", ns)!.Count);
                Assert.Equal(c.Examples.Count, command.SelectNodes("command:examples/command:example", ns)!.Count);
                Assert.All(command.SelectNodes("command:examples/command:example/dev:code", ns)!.Cast<XmlNode>(), n => Assert.NotEmpty(n.InnerText));

                XmlNodeList parameters = command.SelectNodes("command:parameters/command:parameter", ns)!;
                Assert.Equal(c.Parameters.Count, parameters.Count);
                foreach (XmlElement p in parameters)
                {
                    foreach (string attribute in new[] { "required", "globbing", "pipelineInput", "position", "aliases", "variableLength" })
                    {
                        Assert.True(p.HasAttribute(attribute), $"{c.Name} -{p["maml:name"]!.InnerText} lacks {attribute}");
                    }

                    Assert.NotEmpty(p.SelectSingleNode("maml:description/maml:para", ns)!.InnerText);
                    Assert.NotNull(p.SelectSingleNode("command:parameterValue", ns));
                    Assert.NotNull(p.SelectSingleNode("dev:type/maml:name", ns));
                    Assert.NotNull(p.SelectSingleNode("dev:defaultValue", ns));
                }
            }
        }

        [Fact]
        public void SwitchesHaveNoValueInSyntaxButAnOptionalOneInTheParameterList()
        {
            XmlDocument doc = Build(Commands);
            XmlNamespaceManager ns = Namespaces(doc);
            XmlNode command = doc.SelectSingleNode("//command:command[command:details/command:name='Invoke-EHFirmwareUpgrade']", ns)!;

            XmlNode inSyntax = command.SelectSingleNode("command:syntax/command:syntaxItem/command:parameter[maml:name='Force']", ns)!;
            Assert.Null(inSyntax.SelectSingleNode("command:parameterValue", ns));

            XmlNode inList = command.SelectSingleNode("command:parameters/command:parameter[maml:name='Force']", ns)!;
            Assert.Equal("false", inList.SelectSingleNode("command:parameterValue/@required", ns)!.Value);
            Assert.Equal("SwitchParameter", inList.SelectSingleNode("command:parameterValue", ns)!.InnerText);
        }

        [Fact]
        public void MarkupCharactersInTextSurviveTheRoundTrip()
        {
            XmlDocument doc = Build(Commands);
            XmlNamespaceManager ns = Namespaces(doc);
            XmlNode command = doc.SelectSingleNode("//command:command[command:details/command:name='Wait-EHJob']", ns)!;
            Assert.Contains("GET /api/v1/jobs/<id>", command.SelectSingleNode("maml:description", ns)!.InnerText);
            string code = doc.SelectSingleNode("//command:command[command:details/command:name='Get-EHClusterIngest']//command:example[2]/dev:code", ns)!.InnerText;
            Assert.Contains("Where-Object { -not $_.IngestEnabled }", code);
        }
    }
}
