using System.Collections.Generic;

namespace ExtraHop.HelpBuilder
{
    /// <summary>Help for one cmdlet, as read from one docs/&lt;Cmdlet&gt;.md file.</summary>
    public sealed class CommandHelp
    {
        public CommandHelp(string name, string sourceFile)
        {
            Name = name;
            SourceFile = sourceFile;
        }

        /// <summary>Verb-Noun name, from the "# Name" heading.</summary>
        public string Name { get; }

        /// <summary>The markdown file this help came from (for messages).</summary>
        public string SourceFile { get; }

        public string Verb => Name.Contains('-') ? Name.Substring(0, Name.IndexOf('-')) : Name;

        public string Noun => Name.Contains('-') ? Name.Substring(Name.IndexOf('-') + 1) : string.Empty;

        /// <summary>Front matter keys and values ("external help file", "Module Name", "online version", "schema").</summary>
        public Dictionary<string, string> Metadata { get; } = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);

        public List<string> Synopsis { get; } = new List<string>();

        public List<string> Description { get; } = new List<string>();

        /// <summary>Parameter sets in the order of the SYNTAX section.</summary>
        public List<SyntaxSet> SyntaxSets { get; } = new List<SyntaxSet>();

        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();

        /// <summary>Parameters in the order of the PARAMETERS section (CommonParameters is not one of them).</summary>
        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();

        public List<TypeHelp> Inputs { get; } = new List<TypeHelp>();

        public List<TypeHelp> Outputs { get; } = new List<TypeHelp>();

        public List<string> Notes { get; } = new List<string>();

        public List<LinkHelp> RelatedLinks { get; } = new List<LinkHelp>();

        public string? OnlineVersion =>
            Metadata.TryGetValue("online version", out string? uri) && uri.Length > 0 ? uri : null;
    }

    /// <summary>One "### SetName" subsection of SYNTAX.</summary>
    public sealed class SyntaxSet
    {
        public SyntaxSet(string name, bool isDefault, int line)
        {
            Name = name;
            IsDefault = isDefault;
            Line = line;
        }

        /// <summary>The parameter set name; "__AllParameterSets" when the cmdlet has a single unnamed set.</summary>
        public string Name { get; }

        public bool IsDefault { get; }

        public int Line { get; }

        /// <summary>The syntax line as written in the fenced block.</summary>
        public string Text { get; set; } = string.Empty;

        /// <summary>Parameter names in the order the syntax line shows them.</summary>
        public List<string> ParameterNames { get; } = new List<string>();
    }

    public sealed class ExampleHelp
    {
        public ExampleHelp(string title, int line)
        {
            Title = title;
            Line = line;
        }

        /// <summary>The heading text, e.g. "Example 1: Connect with an API key".</summary>
        public string Title { get; }

        public int Line { get; }

        public string Code { get; set; } = string.Empty;

        public List<string> Remarks { get; } = new List<string>();
    }

    public sealed class ParameterHelp
    {
        public ParameterHelp(string name, int line)
        {
            Name = name;
            Line = line;
        }

        /// <summary>The name without the leading dash.</summary>
        public string Name { get; }

        public int Line { get; }

        public List<string> Description { get; } = new List<string>();

        /// <summary>One entry per yaml block; a parameter whose attributes differ between sets has several.</summary>
        public List<ParameterUsage> Usages { get; } = new List<ParameterUsage>();

        /// <summary>The usage that applies to a parameter set, or null when the parameter is not in it.</summary>
        public ParameterUsage? UsageFor(string setName)
        {
            foreach (ParameterUsage usage in Usages)
            {
                if (usage.AppliesTo(setName))
                {
                    return usage;
                }
            }

            return null;
        }
    }

    /// <summary>The facts of one ```yaml block under a parameter.</summary>
    public sealed class ParameterUsage
    {
        public const string AllSets = "(All)";

        public ParameterUsage(int line)
        {
            Line = line;
        }

        public int Line { get; }

        /// <summary>Short type name as PlatyPS writes it: String, SwitchParameter, ExtraHopSession[].</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>Set names, or the single entry "(All)".</summary>
        public List<string> ParameterSets { get; } = new List<string>();

        public List<string> Aliases { get; } = new List<string>();

        public List<string> AcceptedValues { get; } = new List<string>();

        public bool Required { get; set; }

        /// <summary>"Named" or a zero-based number.</summary>
        public string Position { get; set; } = "Named";

        public string DefaultValue { get; set; } = "None";

        /// <summary>"False", "True (ByValue)", "True (ByPropertyName)" or "True (ByValue, ByPropertyName)".</summary>
        public string PipelineInput { get; set; } = "False";

        public bool AcceptsWildcards { get; set; }

        public bool IsSwitch => Type == "SwitchParameter";

        public bool AppliesTo(string setName)
        {
            foreach (string set in ParameterSets)
            {
                if (set == AllSets || string.Equals(set, setName, System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A "### TypeName" entry of INPUTS or OUTPUTS.</summary>
    public sealed class TypeHelp
    {
        public TypeHelp(string typeName)
        {
            TypeName = typeName;
        }

        public string TypeName { get; }

        public List<string> Description { get; } = new List<string>();
    }

    public sealed class LinkHelp
    {
        public LinkHelp(string text, string? uri)
        {
            Text = text;
            Uri = uri;
        }

        public string Text { get; }

        /// <summary>An absolute http(s) address, or null for links to other help topics.</summary>
        public string? Uri { get; }
    }

    /// <summary>A problem in a markdown file, reported as "file(line): error ...".</summary>
    public sealed class HelpDiagnostic
    {
        public HelpDiagnostic(string file, int line, string message)
        {
            File = file;
            Line = line;
            Message = message;
        }

        public string File { get; }

        public int Line { get; }

        public string Message { get; }

        /// <summary>The canonical form that MSBuild's Exec task turns into a build error.</summary>
        public override string ToString() => $"{File}({Line}): error EHHELP: {Message}";
    }
}
