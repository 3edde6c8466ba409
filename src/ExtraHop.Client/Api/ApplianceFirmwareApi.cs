using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>
    /// /appliances/firmware: the firmware a console's connected appliances can take from ExtraHop Cloud Services,
    /// and the console upgrading them (consoles only). The upgrade is one job on the console whose remote_jobs are
    /// the sub-jobs on each appliance.
    /// </summary>
    internal static class ApplianceFirmwareApi
    {
        /// <summary>GET /appliances/firmware/next, optionally for some ids only (?ids=1,2). INFERRED: the same shape as /extrahop/firmware/next.</summary>
        public static async Task<List<FirmwareRelease>> GetNextAsync(ExtraHopSession session, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
        {
            ConsoleOnly.RemoteFirmware.Require(session);
            string path = "appliances/firmware/next";
            if (ids != null && ids.Count > 0) path += "?ids=" + string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadList<FirmwareRelease>(session.Connection, response, path).From(session);
        }

        /// <summary>
        /// Refuses, before anything is sent, a session that is no console, the local id, and ids that name no appliance
        /// connected to the console; returns the appliances to upgrade.
        /// </summary>
        public static async Task<List<ExtraHopAppliance>> CheckAsync(ExtraHopSession session, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
        {
            ConsoleOnly.RemoteUpgrade.Require(session);
            foreach (long id in ids) ApplianceApi.RefuseLocal(id, "upgrade itself remotely (use Invoke-EHFirmwareUpgrade without -ViaConsole)");
            List<ExtraHopAppliance> connected = await ApplianceApi.GetConnectedAsync(session, cancellationToken).ConfigureAwait(false);
            List<long> unknown = ids.Where(id => !connected.Exists(a => a.Id == id)).ToList();
            if (unknown.Count > 0)
            {
                throw new ApplianceRefusedException(ApplianceRefusal.NotConnected,
                    $"{session.Server} has no connected appliance with id {string.Join(", ", unknown)} (its connected appliances: {Describe(connected)}). Nothing was sent.");
            }
            return ids.Select(id => connected.First(a => a.Id == id)).ToList();
        }

        /// <summary>POST /appliances/firmware/upgrade {"system_ids": [...], "version": "..."} (202 with a job).</summary>
        public static Task<ExtraHopJob> StartUpgradeAsync(ExtraHopSession session, IReadOnlyCollection<long> ids, string version, CancellationToken cancellationToken)
        {
            ConsoleOnly.RemoteUpgrade.Require(session);
            var request = ApiRequest.Post("appliances/firmware/upgrade", new Dictionary<string, object> { ["system_ids"] = ids.ToArray(), ["version"] = version });
            request.SafeToRetry = false;
            return FirmwareApi.StartJobAsync(session, request, cancellationToken);
        }

        /// <summary>The remote sub-jobs that did not end DONE (a console job can end DONE while one appliance's upgrade failed).</summary>
        public static List<RemoteJob> FailedRemoteJobs(ExtraHopJob job) =>
            job.RemoteJobs.Where(r => !string.Equals(r.Status, "DONE", StringComparison.OrdinalIgnoreCase)).ToList();

        private static string Describe(List<ExtraHopAppliance> appliances) =>
            appliances.Count == 0 ? "none" : string.Join(", ", appliances.Select(a => $"{a.Id} {a.Name}"));
    }
}
