using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Arguments
{
    /// <summary>Completes -Name of Get-EHProcess and Restart-EHProcess with the processes the appliance reports.</summary>
    internal sealed class ProcessNameCompleter : ApplianceNameCompleter
    {
        protected override string Kind => "processes";

        protected override async Task<IEnumerable<string>> ReadNamesAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            (await ProcessApi.GetAllAsync(session, cancellationToken).ConfigureAwait(false)).Select(p => p.Name);
    }

    /// <summary>Completes -Name of Get-EHService and Set-EHService with the services the appliance reports.</summary>
    internal sealed class ServiceNameCompleter : ApplianceNameCompleter
    {
        protected override string Kind => "services";

        protected override async Task<IEnumerable<string>> ReadNamesAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            (await ServiceApi.GetAllAsync(session, cancellationToken).ConfigureAwait(false)).Select(s => s.Name);
    }
}
