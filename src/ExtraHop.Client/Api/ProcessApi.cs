using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/extrahop/processes: the appliance's processes, whether each runs, and restarting one.</summary>
    internal static class ProcessApi
    {
        private const string Path = "extrahop/processes";

        /// <summary>Every process the appliance reports; <see cref="ExtraHopProcess.IsRunning"/> tells which run.</summary>
        public static async Task<List<ExtraHopProcess>> GetAllAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(Path), cancellationToken).ConfigureAwait(false);
            List<ExtraHopProcess> processes = ResponseReader.ReadList<ExtraHopProcess>(session.Connection, response, Path).From(session);
            foreach (ExtraHopProcess process in processes.Where(p => string.IsNullOrEmpty(p.Name)))
            {
                // Firmware that names the field "name" instead of "process" (the field names are UNKNOWN).
                if (process.ExtensionData.TryGetValue("name", out object? name) && name is string text) process.Name = text;
            }
            return processes;
        }

        /// <summary>
        /// The process of that name (matched without regard to case), as the appliance reports it. A name it does not
        /// report is refused with <see cref="UnknownProcessException"/>, naming the ones it has, so that nothing is
        /// ever sent for it.
        /// </summary>
        public static async Task<ExtraHopProcess> FindAsync(ExtraHopSession session, string name, CancellationToken cancellationToken)
        {
            List<ExtraHopProcess> processes = await GetAllAsync(session, cancellationToken).ConfigureAwait(false);
            return processes.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UnknownProcessException(session.Server, name, processes.Select(p => p.Name));
        }

        /// <summary>Restarts a process found with <see cref="FindAsync"/> (201, no body).</summary>
        public static Task RestartAsync(ExtraHopSession session, ExtraHopProcess process, CancellationToken cancellationToken) =>
            session.Connection.SendAsync(ApiRequest.Post(Path + "/" + ResourcePath.Segment(process.Name, "Name") + "/restart"), cancellationToken);
    }

    /// <summary>Restart-EHProcess named a process the appliance does not report; nothing was sent.</summary>
    public sealed class UnknownProcessException : ArgumentException
    {
        internal UnknownProcessException(string server, string name, IEnumerable<string> known)
            : base($"{server} has no process named '{name}'; nothing was restarted. Its processes: {string.Join(", ", known.OrderBy(n => n, StringComparer.OrdinalIgnoreCase))}.")
        {
            ProcessName = name;
        }

        public string ProcessName { get; }
    }
}
