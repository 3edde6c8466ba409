using System.Collections.Generic;

namespace ExtraHop.HelpBuilder
{
    /// <summary>Collects the problems found in one markdown file, each with the file and its 1-based line.</summary>
    internal sealed class HelpDiagnostics
    {
        private readonly List<HelpDiagnostic> _items = new List<HelpDiagnostic>();

        public HelpDiagnostics(string file)
        {
            File = file;
        }

        public string File { get; }

        public IReadOnlyList<HelpDiagnostic> Items => _items;

        public void Error(int line, string message) => _items.Add(new HelpDiagnostic(File, line, message));
    }
}
