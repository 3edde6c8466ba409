using System;
using System.IO;
using ExtraHop.Simulator;

namespace ExtraHop.Tests.Infrastructure
{
    /// <summary>A scratch folder for firmware images and CSV files, removed afterwards.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "extrahop-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        /// <summary>A real tar image carrying its version (in its name, and in a VERSION entry inside).</summary>
        public string Image(string version, long bytes = 256 * 1024, string? fileName = null)
        {
            // The version stays in the name (the module reads it there), and each image gets a name of its own.
            string file = System.IO.Path.Combine(Path, fileName ?? $"extrahop-{version}-{Guid.NewGuid():N}.tar");
            FirmwareImage.Create(file, version, bytes);
            return file;
        }

        public string File(string name, byte[] content)
        {
            string file = System.IO.Path.Combine(Path, name);
            System.IO.File.WriteAllBytes(file, content);
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
                // A file still held open by a cancelled upload: the OS temp cleaner will have it.
            }
        }
    }
}
