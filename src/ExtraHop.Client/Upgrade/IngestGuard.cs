using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    /// <summary>A cluster whose ingest could not be turned back on: the user must do it, and is told exactly how.</summary>
    internal sealed class IngestRestoreFailure
    {
        public IngestRestoreFailure(string clusterId, string server, string lastError)
        {
            ClusterId = clusterId;
            Server = server;
            LastError = lastError;
        }

        public string ClusterId { get; }
        public string Server { get; }
        public string LastError { get; }
        public string Command => $"Set-EHClusterIngest -Enabled $true -Session '{Server}'";
    }

    /// <summary>
    /// Halts record ingest on every recordstore cluster that had it on, and turns it back on afterwards, whatever
    /// happened in between. A cluster that was already off before the command is never touched. Restoring does
    /// not listen to Ctrl+C (a cancelled upgrade must not leave records being dropped); it tries every node of the
    /// cluster, with growing delays, for a bounded time, then reports the clusters it could not restore.
    /// </summary>
    internal sealed class IngestGuard
    {
        private static readonly TimeSpan RestoreBudget = TimeSpan.FromMinutes(5);
        private readonly IReadOnlyList<PlannedCluster> clusters;
        private readonly IUpgradeObserver observer;
        private readonly Dictionary<string, string> actions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<PlannedCluster> halted = new List<PlannedCluster>();

        public IngestGuard(IReadOnlyList<PlannedCluster> clusters, IUpgradeObserver observer)
        {
            this.clusters = clusters;
            this.observer = observer;
            foreach (PlannedCluster cluster in clusters)
            {
                actions[cluster.Id] = cluster.IngestWasEnabled ? "Not changed: ingest stayed on (no recordstore was upgraded)" : "Left off: ingest was already off before the command";
            }
        }

        public bool Restored { get; private set; }

        public string? ActionFor(string? clusterId) => clusterId != null && actions.TryGetValue(clusterId, out string? action) ? action : null;

        /// <summary>
        /// Halts every cluster that had ingest on and is not halted yet (each recordstore stage calls this; only the
        /// first does anything). Throws when one cannot be halted; RestoreAsync then undoes the others.
        /// </summary>
        public async Task HaltAsync(CancellationToken cancellationToken)
        {
            foreach (PlannedCluster cluster in clusters.Where(c => c.IngestWasEnabled && !halted.Contains(c)).ToList())
            {
                await SetOnAnyNodeAsync(cluster, false, 1, cancellationToken).ConfigureAwait(false);
                halted.Add(cluster);
                actions[cluster.Id] = "Halted for the upgrade";
                observer.Note($"Record ingest halted on recordstore cluster {cluster.Id}.");
            }
        }

        /// <summary>Turns ingest back on for every cluster this guard halted. Returns the clusters it could not restore.</summary>
        public async Task<List<IngestRestoreFailure>> RestoreAsync(int attempts)
        {
            var failures = new List<IngestRestoreFailure>();
            if (Restored) return failures;
            Restored = true;
            using (var budget = new CancellationTokenSource(RestoreBudget))
            {
                foreach (PlannedCluster cluster in halted)
                {
                    try
                    {
                        await SetOnAnyNodeAsync(cluster, true, attempts, budget.Token).ConfigureAwait(false);
                        actions[cluster.Id] = "Halted before the upgrade, re-enabled after it";
                        observer.Note($"Record ingest re-enabled on recordstore cluster {cluster.Id}.");
                    }
                    catch (Exception ex) when (ex is ExtraHopApiException || ex is ClusterIngestUnsupportedException || ex is OperationCanceledException)
                    {
                        var failure = new IngestRestoreFailure(cluster.Id, cluster.Nodes[0].Entry.Server, ex.Message);
                        actions[cluster.Id] = $"HALTED AND NOT RE-ENABLED: records are being dropped. Run: {failure.Command}";
                        failures.Add(failure);
                    }
                }
            }
            return failures;
        }

        /// <summary>Any node can change its cluster's setting; try each in turn, round after round, with growing pauses.</summary>
        private static async Task SetOnAnyNodeAsync(PlannedCluster cluster, bool enabled, int rounds, CancellationToken cancellationToken)
        {
            Exception? last = null;
            for (int round = 0; round < rounds; round++)
            {
                foreach (PlannedAppliance node in cluster.Nodes)
                {
                    try
                    {
                        await ClusterApi.SetAsync(node.Target.Session, enabled, cancellationToken).ConfigureAwait(false);
                        return;
                    }
                    catch (Exception ex) when (ex is ExtraHopApiException || ex is ClusterIngestUnsupportedException)
                    {
                        last = ex;
                    }
                }

                if (round + 1 < rounds)
                {
                    TimeSpan baseDelay = cluster.Nodes[0].Target.Session.Connection.Settings.Retry.BaseDelay;
                    double seconds = Math.Max(baseDelay.TotalSeconds, 0.1) * Math.Pow(2, round);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(seconds, 30)), cancellationToken).ConfigureAwait(false);
                }
            }
            throw last!;
        }
    }
}
