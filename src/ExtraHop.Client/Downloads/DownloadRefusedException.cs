using System;

namespace ExtraHop.Downloads
{
    /// <summary>Why a download was refused before anything was sent.</summary>
    public enum DownloadRefusal
    {
        /// <summary>The folder to save into does not exist (or is a file).</summary>
        DestinationNotFound,
        /// <summary>The folder exists, but a file cannot be created in it.</summary>
        DestinationNotWritable,
        /// <summary>A file of the final name is already there, and replacing it was not asked for.</summary>
        FileExists,
    }

    /// <summary>A download that was not started, because of where it would have gone; nothing was sent or written.</summary>
    public sealed class DownloadRefusedException : Exception
    {
        internal DownloadRefusedException(DownloadRefusal refusal, string path, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Refusal = refusal;
            Path = path;
        }

        public DownloadRefusal Refusal { get; }

        /// <summary>The file or folder at fault.</summary>
        public string Path { get; }
    }

    /// <summary>
    /// A download that broke off after some bytes arrived. They are kept under the partial name (never the final
    /// one), and the same command run again resumes from there.
    /// </summary>
    public sealed class DownloadInterruptedException : Exception
    {
        internal DownloadInterruptedException(string partialPath, long bytesSaved, ExtraHopApiException cause)
            : base($"{cause.Message} The {bytesSaved} bytes that arrived are kept in '{partialPath}'; run the same command again to resume the download.", cause)
        {
            PartialPath = partialPath;
            BytesSaved = bytesSaved;
        }

        public string PartialPath { get; }
        public long BytesSaved { get; }
    }
}
