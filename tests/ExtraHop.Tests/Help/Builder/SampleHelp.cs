using System.IO;
using ExtraHop.Tests.Infrastructure;

namespace ExtraHop.Tests.Help
{
    /// <summary>
    /// Get-HbtWidget.md, next to this file: help for an imaginary cmdlet that uses what the real docs do not
    /// (accepted values, a parameter whose facts differ between sets, an online address, a list), so the help
    /// builder's tests do not depend on the wording of docs/.
    /// </summary>
    internal static class SampleHelp
    {
        public const string FileName = "Get-HbtWidget.md";

        public static string Path => RepoPaths.Combine("tests", "ExtraHop.Tests", "Help", "Builder", FileName);

        /// <summary>The sample with \n line endings, whatever the checkout did to them.</summary>
        public static string Text => File.ReadAllText(Path).Replace("\r\n", "\n");
    }
}
