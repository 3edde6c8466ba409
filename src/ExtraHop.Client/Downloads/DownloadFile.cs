using System;
using System.IO;

namespace ExtraHop.Downloads
{
    /// <summary>
    /// Where a download is written: "&lt;name&gt;.partial" beside the final name, renamed to it only once the last byte
    /// is on disk, so an interrupted download never leaves a file under the final name (and never replaces a good
    /// one). A partial file already there is the start of an earlier download of the same name and is resumed when
    /// the caller allows it; otherwise it is started anew. Every check that can refuse runs before anything is sent.
    /// </summary>
    internal sealed class DownloadFile : IDisposable
    {
        public const string PartialSuffix = ".partial";
        private const int WriteBufferSize = 128 * 1024;
        private bool finished;

        private DownloadFile(string finalPath, string partialPath, FileStream stream)
        {
            FinalPath = finalPath;
            PartialPath = partialPath;
            Stream = stream;
            ResumedBytes = stream.Length;
        }

        public string FinalPath { get; }
        public string PartialPath { get; }

        /// <summary>The partial file, open for writing; the download writes here.</summary>
        public FileStream Stream { get; }

        /// <summary>Bytes already in the partial file when it was opened (0 unless resuming).</summary>
        public long ResumedBytes { get; }

        /// <param name="create">False to only check what can be checked without making a file (for -WhatIf); then null is returned.</param>
        /// <exception cref="DownloadRefusedException">The folder is missing or not writable, or the final file exists without <paramref name="overwrite"/>.</exception>
        public static DownloadFile? Open(string finalPath, bool overwrite, bool resume, bool create = true)
        {
            string full = Path.GetFullPath(finalPath);
            string? folder = Path.GetDirectoryName(full);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            {
                throw new DownloadRefusedException(DownloadRefusal.DestinationNotFound, folder ?? full, $"The folder '{folder}' does not exist; create it first. Nothing was downloaded.");
            }
            if (Directory.Exists(full))
            {
                throw new DownloadRefusedException(DownloadRefusal.FileExists, full, $"'{full}' is a folder; name a file to save to. Nothing was downloaded.");
            }
            if (File.Exists(full) && !overwrite)
            {
                throw new DownloadRefusedException(DownloadRefusal.FileExists, full, $"'{full}' already exists; use -Force to replace it. Nothing was downloaded.");
            }

            if (!create) return null;
            string partial = full + PartialSuffix;
            try
            {
                // A 128 KiB buffer: a chunked answer arrives in pieces of a few KiB, which it gathers into larger writes.
                var stream = new FileStream(partial, resume ? FileMode.OpenOrCreate : FileMode.Create, FileAccess.ReadWrite, FileShare.None, WriteBufferSize, FileOptions.Asynchronous);
                stream.Position = stream.Length;
                return new DownloadFile(full, partial, stream);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException)
            {
                throw new DownloadRefusedException(DownloadRefusal.DestinationNotWritable, folder!, $"A file cannot be created in '{folder}': {ex.Message} Nothing was downloaded.", ex);
            }
        }

        /// <summary>Starts the partial file over (the server sent a whole answer where the rest was asked for, or the rest cannot be had).</summary>
        public void Restart() => Stream.SetLength(0);

        /// <summary>Closes the partial file and gives it the final name (replacing a file there only if Open allowed that).</summary>
        public void Complete()
        {
            Stream.Dispose();
            if (File.Exists(FinalPath)) File.Replace(PartialPath, FinalPath, null);
            else File.Move(PartialPath, FinalPath);
            finished = true;
        }

        /// <summary>
        /// The download failed: the partial file stays for a later resume when it holds bytes and <paramref name="keep"/>
        /// says the answer can be resumed; otherwise it goes. The final name is never touched.
        /// </summary>
        public void Abandon(bool keep)
        {
            long length = Stream.Length;
            Stream.Dispose();
            if (!keep || length == 0) File.Delete(PartialPath);
            finished = true;
        }

        public void Dispose()
        {
            if (!finished) Abandon(keep: true);
        }
    }
}
