using System;
using System.IO;

namespace ExtraHop.Simulator.Tests.TestSupport;

/// <summary>A folder for firmware images that disappears with the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ehsim-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a firmware image of this version and returns its path.</summary>
    public string Image(string version, long bytes = 64 * 1024)
    {
        var file = System.IO.Path.Combine(Path, $"firmware-{version}-{Guid.NewGuid():N}.tar");
        FirmwareImage.Create(file, version, bytes);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a failed test; the temporary folder is cleaned eventually anyway.
        }
    }
}
