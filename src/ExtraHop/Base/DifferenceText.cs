using System.Collections.Generic;
using System.Linq;
using ExtraHop.Models;

namespace ExtraHop.Base
{
    /// <summary>Running-config differences as lines of text for -WhatIf and verbose output; secret values arrive masked.</summary>
    internal static class DifferenceText
    {
        /// <summary>A -WhatIf text that scrolls past is no help; Compare-EHRunningConfig lists every difference.</summary>
        private const int MostLines = 40;

        public static string Describe(IReadOnlyList<RunningConfigDifference> differences)
        {
            if (differences.Count == 0) return "  No differences: the running config already matches.";
            IEnumerable<string> lines = differences.Take(MostLines).Select(d => "  " + d);
            if (differences.Count > MostLines) lines = lines.Concat(new[] { $"  ... and {differences.Count - MostLines} more (Compare-EHRunningConfig lists them all)." });
            return $"  {differences.Count} difference(s):" + System.Environment.NewLine + string.Join(System.Environment.NewLine, lines);
        }
    }
}
