using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.Simulator;

/// <summary>Remote upgrade faults: a console whose upgrade of some connected appliances fails while its own job ends DONE.</summary>
public sealed partial class ApplianceFaults
{
    private long[] _remoteUpgradeFailures = System.Array.Empty<long>();

    /// <summary>The next <c>POST /appliances/firmware/upgrade</c> ends FAILED for these connected appliance ids in its <c>remote_jobs</c>.</summary>
    public void FailNextRemoteUpgradeOf(params long[] applianceIds) => Write(() => _remoteUpgradeFailures = applianceIds.ToArray());

    /// <summary>Takes the pending remote failures (once).</summary>
    internal IReadOnlySet<long> TakeRemoteUpgradeFailures()
    {
        lock (_lock)
        {
            var taken = _remoteUpgradeFailures.ToHashSet();
            _remoteUpgradeFailures = System.Array.Empty<long>();
            return taken;
        }
    }
}
