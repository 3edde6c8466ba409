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
    /// Halts record ingest on every recordstore cluster that had it on (or, following the REST API guide, whose
    /// state cannot be read) and has a node to upgrade, and turns it back on afterwards, whatever happened in
    /// between. A cluster that was already off before the command is never touched. Restoring does not listen to
    /// Ctrl+C (a cancelled upgrade must not leave records being dropped); it tries every node of each cluster, round
    /// after round with growing pauses, for the whole restore budget, then reports the clusters it could not restore.
    /// </summary>
    internal sealed class IngestGuard
    {
        private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
        private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(int.MaxValue);
        private readonly IReadOnlyList<PlannedCluster> clusters;
        private readonly IUpgradeObserver observer;
        private readonly TimeSpan restoreBudget;
        private readonly Dictionary<string, string> actions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<PlannedCluster> halted = new List<PlannedCluster>();

        public IngestGuard(IReadOnlyList<PlannedCluster> clusters, IUpgradeObserver observer, TimeSpan restoreBudget)
        {
            this.clusters = clusters;
            this.observer = observer;
            this.restoreBudget = restoreBudget;
            foreach (PlannedCluster cluster in clusters)
            {
                actions[cluster.Id] = cluster.IngestWasEnabled == false ? "Left off: ingest was already off before the command"
                    : cluster.IngestWasEnabled == true ? "Not changed: ingest stayed on (no recordstore was upgraded)"
                    : "Not changed: no recordstore was upgraded";
            }
        }

        public bool Restored { get; private set; }

        public string? ActionFor(string? clusterId) => clusterId != null && actions.TryGetValue(clusterId, out string? action) ? action : null;

        /// <summary>
        /// Halts every cluster that needs it and is not halted yet (each recordstore stage that upgrades something calls
        /// this; only the first does anything). Throws when one cannot be halted; RestoreAsync then undoes the others.
        /// </summary>
        public async Task HaltAsync(CancellationToken cancellationToken)
        {
            foreach (PlannedCluster cluster in clusters.Where(c => c.NeedsHalt && !halted.Contains(c)).ToList())
            {
                await SetOnAnyNodeAsync(cluster, false, cancellationToken).ConfigureAwait(false);
                halted.Add(cluster);
                actions[cluster.Id] = "Halted for the upgrade";
                observer.Note($"Record ingest halted on recordstore cluster {cluster.Id}.");
            }
        }

        /// <summary>Turns ingest back on for every cluster this guard halted, each for the whole budget. Returns the clusters it could not restore.</summary>
        public async Task<List<IngestRestoreFailure>> RestoreAsync()
        {
            var failures = new List<IngestRestoreFailure>();
            if (Restored) return failures;
            Restored = true;
            using (var budget = new CancellationTokenSource())
            {
                if (restoreBudget < LongestTimer) budget.CancelAfter(restoreBudget);
                Exception?[] outcomes = await Task.WhenAll(halted.Select(cluster => KeepTryingToEnableAsync(cluster, budget.Token))).ConfigureAwait(false);
                for (int i = 0; i < halted.Count; i++)
                {
                    PlannedCluster cluster = halted[i];
                    Exception? error = outcomes[i];
                    if (error == null)
                    {
                        actions[cluster.Id] = cluster.IngestWasEnabled == true
                            ? "Halted before the upgrade, re-enabled after it"
                            : "Halted before the upgrade and enabled after it, as the REST API guide says (its earlier state cannot be read)";
                        observer.Note($"Record ingest re-enabled on recordstore cluster {cluster.Id}.");
                        continue;
                    }
                    var failure = new IngestRestoreFailure(cluster.Id, cluster.Nodes[0].Entry.Server, error.Message);
                    actions[cluster.Id] = $"HALTED AND NOT RE-ENABLED: records are being dropped. Run: {failure.Command}";
                    failures.Add(failure);
                }
            }
            return failures;
        }

        /// <summary>Any node can change its cluster's setting: tries each once, and throws the last failure when none could.</summary>
        private static async Task SetOnAnyNodeAsync(PlannedCluster cluster, bool enabled, CancellationToken cancellationToken)
        {
            Exception? last = null;
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
            throw last!;
        }

        /// <summary>Round after round over the nodes, pausing longer each time (up to a tenth of the budget, at most 30 s), until one takes it or the budget is spent; returns the last failure, or null.</summary>
        private async Task<Exception?> KeepTryingToEnableAsync(PlannedCluster cluster, CancellationToken budget)
        {
            TimeSpan longest = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, restoreBudget.Ticks / 10));
            Exception? last = null;
            for (int round = 0; ; round++)
            {
                try
                {
                    await SetOnAnyNodeAsync(cluster, true, budget).ConfigureAwait(false);
                    return null;
                }
                catch (Exception ex) when (ex is ExtraHopApiException || ex is ClusterIngestUnsupportedException)
                {
                    last = ex;
                }
                catch (OperationCanceledException) when (budget.IsCancellationRequested)
                {
                    return last ?? new TimeoutException($"Record ingest on recordstore cluster {cluster.Id} could not be re-enabled within {restoreBudget.TotalSeconds:0} seconds.");
                }

                TimeSpan pause = TimeSpan.FromTicks(Math.Min(longest.Ticks, FirstPause.Ticks << Math.Min(round, 20)));
                try
                {
                    await Task.Delay(pause, budget).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return last;
                }
            }
        }
    }
}
