using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ExtraHop.HelpBuilder;
using Xunit;

namespace HelpBuilderTests
{
    /// <summary>
    /// One PowerShell engine, hosted in the test process, with this test assembly imported as a binary module.
    /// Before the import, the help builder turns docs/*.md (plus the sample in TestData) into
    /// en-US/HelpBuilderTests.dll-Help.xml next to the assembly and the about topics are copied beside it: the
    /// same layout in which Get-Help finds en-US/ExtraHop.dll-Help.xml for the real module.
    /// </summary>
    public sealed class HelpEngineFixture : IDisposable
    {
        private readonly object _gate = new object();
        private readonly CapturingHost _host = new CapturingHost();
        private readonly Runspace _runspace;

        public HelpEngineFixture()
        {
            string input = Path.Combine(Path.GetTempPath(), "HelpBuilderTests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(input);
            try
            {
                foreach (string file in Directory.GetFiles(RepoPaths.Docs, "*.md").Append(Path.Combine(RepoPaths.TestData, "Get-HbtWidget.md")))
                {
                    File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
                }

                string moduleBase = Path.GetDirectoryName(typeof(HelpEngineFixture).Assembly.Location)!;
                string cultureFolder = Path.Combine(moduleBase, "en-US");
                HelpFile = Path.Combine(cultureFolder, "HelpBuilderTests.dll-Help.xml");
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                int exit = HelpBuilderApp.Run(new[] { input, HelpFile }, stdout, stderr);
                if (exit != HelpBuilderApp.Success)
                {
                    throw new InvalidOperationException("The help builder failed:\n" + stderr);
                }

                foreach (string topic in Directory.GetFiles(RepoPaths.EnUs, "about_*.help.txt"))
                {
                    File.Copy(topic, Path.Combine(cultureFolder, Path.GetFileName(topic)), overwrite: true);
                }

                foreach (string file in Directory.GetFiles(input, "*.md"))
                {
                    CommandHelp command = MarkdownHelpParser.ParseFile(file).Command!;
                    Docs[command.Name] = command;
                }
            }
            finally
            {
                Directory.Delete(input, recursive: true);
            }

            _runspace = RunspaceFactory.CreateRunspace(_host, InitialSessionState.CreateDefault2());
            _runspace.Open();
            Invoke(ps => ps.AddCommand("Import-Module").AddParameter("Name", typeof(HelpEngineFixture).Assembly.Location));

            // Plain text, as a console without colour support shows it, so tests can compare strings.
            Invoke(ps => ps.AddScript("$PSStyle.OutputRendering = 'PlainText'"));
        }

        /// <summary>The MAML file the builder wrote for this run.</summary>
        public string HelpFile { get; }

        /// <summary>The parsed markdown of every documented cmdlet, by name: what Get-Help should show.</summary>
        public Dictionary<string, CommandHelp> Docs { get; } = new Dictionary<string, CommandHelp>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Runs a pipeline and returns its output; any error record fails the test.</summary>
        public Collection<PSObject> Invoke(Action<PowerShell> build)
        {
            lock (_gate)
            {
                using PowerShell ps = PowerShell.Create();
                ps.Runspace = _runspace;
                build(ps);
                Collection<PSObject> output = ps.Invoke();
                if (ps.HadErrors || ps.Streams.Error.Count > 0)
                {
                    throw new InvalidOperationException("PowerShell wrote errors: " + string.Join("; ", ps.Streams.Error.Select(e => e.ToString())));
                }

                return output;
            }
        }

        /// <summary>Runs Get-Help with the given parameters and returns its single help object.</summary>
        public PSObject GetHelp(string name, IDictionary? parameters = null)
        {
            Collection<PSObject> output = Invoke(ps =>
            {
                ps.AddCommand("Get-Help").AddParameter("Name", name);
                if (parameters != null)
                {
                    ps.AddParameters(parameters);
                }
            });
            Assert.Single(output);
            return output[0];
        }

        /// <summary>Runs Get-Help piped to Out-Host and returns the text a console would show.</summary>
        public string RenderHelp(string name, IDictionary? parameters = null)
        {
            lock (_gate)
            {
                _host.TakeOutput();
                Invoke(ps =>
                {
                    ps.AddCommand("Get-Help").AddParameter("Name", name);
                    if (parameters != null)
                    {
                        ps.AddParameters(parameters);
                    }

                    ps.AddCommand("Out-Host");
                });
                return _host.TakeOutput();
            }
        }

        public void Dispose() => _runspace.Dispose();
    }

    [CollectionDefinition(Name)]
    public sealed class HelpEngineCollection : ICollectionFixture<HelpEngineFixture>
    {
        public const string Name = "Hosted PowerShell with built help";
    }

    /// <summary>Reads the loosely typed objects Get-Help returns.</summary>
    internal static class HelpObject
    {
        public static object? Prop(object? target, string name)
        {
            if (target == null)
            {
                return null;
            }

            PSObject ps = PSObject.AsPSObject(target);
            return ps.Properties[name]?.Value;
        }

        /// <summary>Help properties hold one object or an array of them; this always gives a list.</summary>
        public static List<object> Items(object? value)
        {
            if (value == null)
            {
                return new List<object>();
            }

            object inner = value is PSObject ps ? ps.BaseObject : value;
            if (inner is IEnumerable sequence && inner is not string)
            {
                return sequence.Cast<object>().ToList();
            }

            return new List<object> { value };
        }

        /// <summary>The paragraphs of a MAML text property, trimmed.</summary>
        public static List<string> Paragraphs(object? value) =>
            Items(value).Select(i => (Prop(i, "Text") ?? i)?.ToString()?.Trim() ?? string.Empty).Where(t => t.Length > 0).ToList();

        public static string Text(object? value) => value is PSObject ps ? ps.BaseObject.ToString() ?? string.Empty : value?.ToString() ?? string.Empty;
    }
}
