using System;
using System.IO;

namespace ExtraHop.Benchmarks;

/// <summary>The repository root (where ExtraHop.psd1 lives), found upwards from the program's folder.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExtraHop.psd1")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (ExtraHop.psd1) above " + AppContext.BaseDirectory);
    }
}
