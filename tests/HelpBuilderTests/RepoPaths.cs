using System;
using System.IO;

namespace HelpBuilderTests
{
    /// <summary>Finds the repository the tests were built from, so they read the real docs/ and en-US/.</summary>
    internal static class RepoPaths
    {
        private static readonly Lazy<string> LazyRoot = new Lazy<string>(FindRoot);

        public static string Root => LazyRoot.Value;

        public static string Docs => Path.Combine(Root, "docs");

        public static string EnUs => Path.Combine(Root, "en-US");

        public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

        private static string FindRoot()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ExtraHop.psd1")) && Directory.Exists(Path.Combine(dir.FullName, "docs")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Cannot find the repository root (ExtraHop.psd1 and docs/) above " + AppContext.BaseDirectory);
        }
    }
}
