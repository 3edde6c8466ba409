using System;
using System.IO;

namespace ExtraHop.Tests.Infrastructure
{
    /// <summary>Finds the repository root (where ExtraHop.psd1 lives) from the test binaries' folder.</summary>
    public static class RepoPaths
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(() =>
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ExtraHop.psd1")) && Directory.Exists(Path.Combine(dir.FullName, "src"))) return dir.FullName;
            }
            throw new InvalidOperationException("Could not find the repository root above " + AppContext.BaseDirectory);
        });

        public static string Root => RootPath.Value;

        public static string Manifest => Path.Combine(Root, "ExtraHop.psd1");

        public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
    }
}
