using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;
using ExtraHop.RunningConfig;

namespace ExtraHop.Sessions
{
    /// <summary>Completes -Section of Get-EHRunningConfig with the top-level sections of the appliance's running config.</summary>
    internal sealed class RunningConfigSectionCompleter : ApplianceNameCompleter
    {
        protected override string Kind => "runningconfig sections";

        protected override async Task<IEnumerable<string>> ReadNamesAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ConfigDocument config = await RunningConfigApi.ReadAsync(session, saved: false, cancellationToken).ConfigureAwait(false);
            return config.Root.EnumerateObject().Select(property => property.Name).ToList();
        }
    }
}
