using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.RunningConfig
{
    /// <summary>
    /// One appliance's running-config backup. The backup file (host name + ".json") holds the config alone in
    /// <see cref="CanonicalJson"/> form, so two backups of an unchanged appliance are the same bytes and the file
    /// can be restored as it is. The facts that change on every run (the time) or are not part of the config (server,
    /// version, the file's SHA-256) go in a small JSON file beside it (host name + ".json.meta"), whose name does not
    /// end in .json so that `*.json` finds only the configs.
    /// </summary>
    internal static class ConfigBackup
    {
        public const string Extension = ".json";
        public const string MetadataExtension = ".json.meta";

        /// <summary>
        /// File names for the appliances: their host names (from Connect), or the server name when the host name is
        /// not known. Two appliances that report the same host name both get their server name added, so neither
        /// overwrites the other and the names do not depend on which finished first.
        /// </summary>
        public static Dictionary<ExtraHopSession, string> Names(IReadOnlyList<ExtraHopSession> sessions)
        {
            string BaseName(ExtraHopSession s) => BackupFiles.SafeName(string.IsNullOrWhiteSpace(s.Hostname) ? s.Server : s.Hostname!);
            var shared = new HashSet<string>(sessions.GroupBy(BaseName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.OrdinalIgnoreCase);
            return sessions.ToDictionary(s => s, s => shared.Contains(BaseName(s)) ? BackupFiles.SafeName(BaseName(s) + "_" + s.Server) : BaseName(s));
        }

        public static async Task<RunningConfigBackup> WriteAsync(ExtraHopSession session, string folder, string name, CancellationToken cancellationToken)
        {
            var backup = new RunningConfigBackup
            {
                Path = Path.Combine(folder, name + Extension),
                MetadataPath = Path.Combine(folder, name + MetadataExtension),
                Hostname = session.Hostname,
                Version = session.Version,
            }.From(session);

            ConfigDocument config = await RunningConfigApi.ReadAsync(session, saved: false, cancellationToken).ConfigureAwait(false);
            backup.Time = DateTimeOffset.UtcNow;
            byte[] bytes = new UTF8Encoding(false).GetBytes(CanonicalJson.Indented(config.Root));
            backup.Bytes = bytes.Length;
            cancellationToken.ThrowIfCancellationRequested();
            backup.Status = BackupFiles.Write(backup.Path, bytes);
            BackupFiles.Replace(backup.MetadataPath, Metadata(backup, bytes), durable: false);
            return backup;
        }

        private static byte[] Metadata(RunningConfigBackup backup, byte[] config)
        {
            string sha256;
            using (SHA256 hash = SHA256.Create()) sha256 = string.Concat(hash.ComputeHash(config).Select(b => b.ToString("x2")));
            var lines = new[]
            {
                ("file", Path.GetFileName(backup.Path)),
                ("hostname", backup.Hostname),
                ("server", backup.Server),
                ("sha256", sha256),
                ("source", "running"),
                ("time", backup.Time!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)),
                ("version", backup.Version),
            }.Select(field => $"  {CanonicalJson.Quote(field.Item1)}: {(field.Item2 == null ? "null" : CanonicalJson.Quote(field.Item2))}");
            return new UTF8Encoding(false).GetBytes("{\n" + string.Join(",\n", lines) + "\n}\n");
        }
    }
}
