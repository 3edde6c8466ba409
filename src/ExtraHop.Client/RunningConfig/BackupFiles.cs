using System;
using System.IO;
using System.Linq;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.RunningConfig
{
    /// <summary>
    /// Backup files written so that a failure never leaves a half file where a good backup was: the bytes go to a
    /// temporary file in the same folder, are flushed to disk, and only then take the final name in one rename.
    /// </summary>
    internal static class BackupFiles
    {
        /// <summary>The backup folder must exist and take new files; checked before any appliance is asked.</summary>
        /// <exception cref="RunningConfigRefusedException">It does not exist, or this user cannot write in it.</exception>
        public static void CheckFolder(string folder)
        {
            if (!Directory.Exists(folder))
            {
                throw new RunningConfigRefusedException(RunningConfigRefusal.FolderNotFound,
                    $"The backup folder '{folder}' does not exist. Create it first (New-Item -ItemType Directory); nothing was read or written.");
            }
            string probe = Path.Combine(folder, $".eh-write-test-{Guid.NewGuid():N}.tmp");
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new RunningConfigRefusedException(RunningConfigRefusal.FolderNotWritable,
                    $"Cannot create files in the backup folder '{folder}' ({ex.Message}); nothing was read or written.", ex);
            }
        }

        /// <summary>
        /// A file name for an appliance: its host name, with characters no file system takes replaced by '_'.
        /// </summary>
        public static string SafeName(string name)
        {
            char[] invalid = Path.GetInvalidFileNameChars().Concat(new[] { ':', '/', '\\', '*', '?', '"', '<', '>', '|' }).ToArray();
            string safe = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim(' ', '.');
            return safe.Length == 0 ? "appliance" : safe;
        }

        /// <summary>Writes <paramref name="bytes"/> under <paramref name="path"/> unless the file already holds exactly them.</summary>
        public static RunningConfigBackupStatus Write(string path, byte[] bytes)
        {
            bool existed = File.Exists(path);
            if (existed && SameBytes(path, bytes)) return RunningConfigBackupStatus.Unchanged;
            Replace(path, bytes, durable: true);
            return existed ? RunningConfigBackupStatus.Changed : RunningConfigBackupStatus.Created;
        }

        /// <summary>
        /// Writes the file through a temporary name and a rename, whatever it held before. With
        /// <paramref name="durable"/> the bytes are flushed to the disk before the rename, so that even a power
        /// failure cannot leave the new name pointing at data that never reached the disk; that costs a disk flush
        /// (about 10 ms), worth paying for a backup, not for the small facts file beside it.
        /// </summary>
        public static void Replace(string path, byte[] bytes, bool durable)
        {
            string folder = Path.GetDirectoryName(path) ?? ".";
            string temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    file.Write(bytes, 0, bytes.Length);
                    file.Flush(flushToDisk: durable);
                }
                if (File.Exists(path)) File.Replace(temporary, path, null, ignoreMetadataErrors: true);
                else File.Move(temporary, path);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }

        private static bool SameBytes(string path, byte[] bytes)
        {
            var info = new FileInfo(path);
            return info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        }
    }
}
