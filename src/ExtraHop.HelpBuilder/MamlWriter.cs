using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace ExtraHop.HelpBuilder
{
    /// <summary>
    /// Writes cmdlet help as MAML, the XML that Get-Help reads from &lt;Assembly&gt;.dll-Help.xml in Windows
    /// PowerShell 5.1 and PowerShell 7. Get-Help finds a command by command:details/command:name, turns each
    /// maml:para into a paragraph, and reads the parameter facts (required, position, pipeline input, wildcards,
    /// aliases) from attributes of command:parameter; the layout below gives it exactly those.
    /// </summary>
    public static class MamlWriter
    {
        public const string MshNamespace = "http://msh";
        public const string MamlNamespace = "http://schemas.microsoft.com/maml/2004/10";
        public const string CommandNamespace = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public const string DevNamespace = "http://schemas.microsoft.com/maml/dev/2004/10";

        /// <summary>Writes the file through a temporary file, so a failed run never leaves half a help file behind.</summary>
        public static void WriteFile(IEnumerable<CommandHelp> commands, string path)
        {
            string full = Path.GetFullPath(path);
            string? folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            string temp = full + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                Write(commands, stream);
            }

            File.Move(temp, full, overwrite: true);
        }

        public static void Write(IEnumerable<CommandHelp> commands, Stream stream)
        {
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
            };

            using XmlWriter w = XmlWriter.Create(stream, settings);
            w.WriteStartDocument();
            w.WriteStartElement("helpItems", MshNamespace);
            w.WriteAttributeString("schema", "maml");
            w.WriteAttributeString("xmlns", "maml", null, MamlNamespace);
            w.WriteAttributeString("xmlns", "command", null, CommandNamespace);
            w.WriteAttributeString("xmlns", "dev", null, DevNamespace);
            foreach (CommandHelp command in commands)
            {
                WriteCommand(w, command);
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        private static void WriteCommand(XmlWriter w, CommandHelp c)
        {
            w.WriteStartElement("command", "command", CommandNamespace);

            w.WriteStartElement("command", "details", CommandNamespace);
            w.WriteElementString("command", "name", CommandNamespace, c.Name);
            w.WriteElementString("command", "verb", CommandNamespace, c.Verb);
            w.WriteElementString("command", "noun", CommandNamespace, c.Noun);
            WriteDescription(w, c.Synopsis);
            w.WriteEndElement();

            WriteDescription(w, c.Description);

            w.WriteStartElement("command", "syntax", CommandNamespace);
            foreach (SyntaxSet set in c.SyntaxSets)
            {
                w.WriteStartElement("command", "syntaxItem", CommandNamespace);
                w.WriteElementString("maml", "name", MamlNamespace, c.Name);
                foreach (string name in set.ParameterNames)
                {
                    ParameterHelp? parameter = FindParameter(c, name);
                    ParameterUsage? usage = parameter?.UsageFor(set.Name);
                    if (parameter != null && usage != null)
                    {
                        WriteParameter(w, parameter, usage, inSyntax: true);
                    }
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();

            w.WriteStartElement("command", "parameters", CommandNamespace);
            foreach (ParameterHelp parameter in c.Parameters.Where(p => p.Usages.Count > 0))
            {
                // The parameter list shows one set of facts per parameter; when the yaml differs between sets, the
                // first block speaks for the parameter (each syntax item still shows its own set's facts).
                WriteParameter(w, parameter, parameter.Usages[0], inSyntax: false);
            }

            w.WriteEndElement();

            WriteTypes(w, "inputTypes", "inputType", c.Inputs);
            WriteTypes(w, "returnValues", "returnValue", c.Outputs);

            if (c.Notes.Count > 0)
            {
                w.WriteStartElement("maml", "alertSet", MamlNamespace);
                w.WriteStartElement("maml", "alert", MamlNamespace);
                WriteParagraphs(w, c.Notes);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteStartElement("command", "examples", CommandNamespace);
            foreach (ExampleHelp example in c.Examples)
            {
                w.WriteStartElement("command", "example", CommandNamespace);
                w.WriteElementString("maml", "title", MamlNamespace, ExampleTitle(example.Title));
                w.WriteElementString("dev", "code", DevNamespace, example.Code);
                w.WriteStartElement("dev", "remarks", DevNamespace);
                WriteParagraphs(w, example.Remarks);

                // Get-Help prints nothing after the last remark; an empty paragraph gives the blank line that
                // separates one example from the next title.
                w.WriteElementString("maml", "para", MamlNamespace, string.Empty);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();

            w.WriteStartElement("command", "relatedLinks", CommandNamespace);
            if (c.OnlineVersion != null)
            {
                // Get-Help -Online opens the first link that holds an absolute address.
                WriteLink(w, "Online Version:", c.OnlineVersion);
            }

            foreach (LinkHelp link in c.RelatedLinks)
            {
                WriteLink(w, link.Text, link.Uri);
            }

            w.WriteEndElement();

            w.WriteEndElement();
        }

        private static void WriteParameter(XmlWriter w, ParameterHelp p, ParameterUsage u, bool inSyntax)
        {
            w.WriteStartElement("command", "parameter", CommandNamespace);
            w.WriteAttributeString("required", u.Required ? "true" : "false");
            w.WriteAttributeString("variableLength", u.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false");
            w.WriteAttributeString("globbing", u.AcceptsWildcards ? "true" : "false");
            w.WriteAttributeString("pipelineInput", u.PipelineInput);
            w.WriteAttributeString("position", u.Position == "Named" ? "named" : u.Position);
            w.WriteAttributeString("aliases", u.Aliases.Count == 0 ? "none" : string.Join(", ", u.Aliases));

            w.WriteElementString("maml", "name", MamlNamespace, p.Name);
            WriteDescription(w, p.Description);

            if (u.AcceptedValues.Count > 0)
            {
                w.WriteStartElement("command", "parameterValueGroup", CommandNamespace);
                foreach (string value in u.AcceptedValues)
                {
                    WriteParameterValue(w, value, required: false);
                }

                w.WriteEndElement();
            }

            // A switch shows as [-Name] in syntax, so it gets no value there; in the parameter list Get-Help
            // shows it as "-Name [<SwitchParameter>]", which is what an optional value renders as.
            if (!(inSyntax && u.IsSwitch))
            {
                WriteParameterValue(w, u.Type, required: !u.IsSwitch);
            }

            w.WriteStartElement("dev", "type", DevNamespace);
            w.WriteElementString("maml", "name", MamlNamespace, u.Type);
            w.WriteElementString("maml", "uri", MamlNamespace, string.Empty);
            w.WriteEndElement();
            w.WriteElementString("dev", "defaultValue", DevNamespace, u.DefaultValue);

            w.WriteEndElement();
        }

        private static void WriteParameterValue(XmlWriter w, string text, bool required)
        {
            w.WriteStartElement("command", "parameterValue", CommandNamespace);
            w.WriteAttributeString("required", required ? "true" : "false");
            w.WriteAttributeString("variableLength", "false");
            w.WriteString(text);
            w.WriteEndElement();
        }

        private static void WriteTypes(XmlWriter w, string listName, string itemName, List<TypeHelp> types)
        {
            w.WriteStartElement("command", listName, CommandNamespace);
            foreach (TypeHelp type in types)
            {
                w.WriteStartElement("command", itemName, CommandNamespace);
                w.WriteStartElement("dev", "type", DevNamespace);
                w.WriteElementString("maml", "name", MamlNamespace, type.TypeName);
                w.WriteEndElement();
                WriteDescription(w, type.Description);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        private static void WriteDescription(XmlWriter w, List<string> paragraphs)
        {
            w.WriteStartElement("maml", "description", MamlNamespace);
            WriteParagraphs(w, paragraphs);
            w.WriteEndElement();
        }

        private static void WriteParagraphs(XmlWriter w, List<string> paragraphs)
        {
            if (paragraphs.Count == 0)
            {
                // An empty paragraph keeps the element's shape the same as a filled one for the help formatter.
                w.WriteElementString("maml", "para", MamlNamespace, string.Empty);
                return;
            }

            foreach (string paragraph in paragraphs)
            {
                w.WriteElementString("maml", "para", MamlNamespace, paragraph);
            }
        }

        private static void WriteLink(XmlWriter w, string text, string? uri)
        {
            w.WriteStartElement("maml", "navigationLink", MamlNamespace);
            w.WriteElementString("maml", "linkText", MamlNamespace, text);
            w.WriteElementString("maml", "uri", MamlNamespace, uri ?? string.Empty);
            w.WriteEndElement();
        }

        private static ParameterHelp? FindParameter(CommandHelp c, string name) =>
            c.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>Example titles are framed with dashes, the way built-in PowerShell help shows them.</summary>
        public static string ExampleTitle(string title)
        {
            const int Width = 64;
            int dashes = Math.Max(3, (Width - title.Length - 2) / 2);
            var frame = new string('-', dashes);
            return frame + " " + title + " " + frame;
        }
    }
}
