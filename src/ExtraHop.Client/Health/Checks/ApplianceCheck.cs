using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;
using ExtraHop.Upgrade;

namespace ExtraHop.Health.Checks
{
    /// <summary>
    /// A console's connected appliances as the console sees them, including those not among the sessions: one that
    /// runs newer firmware than the console breaks the guide's rule (a console runs at least the firmware of every
    /// appliance connected to it) and is critical; one whose status says it is not connected is a warning. The
    /// status words are not documented (status_message is VERIFIED only as a string), so "not connected" is INFERRED
    /// from words such as disconnected, offline or unreachable; other words pass.
    /// </summary>
    internal sealed class ApplianceCheck : IHealthCheck
    {
        private static readonly string[] TroubleWords = { "disconnect", "offline", "unreachable", "not connected", "error", "fail", "lost" };

        public HealthCheck Name => HealthCheck.Appliances;

        public async Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(HealthContext context, CancellationToken cancellationToken)
        {
            if (context.Role != ApplianceRole.Console) return Enumerable.Empty<ExtraHopHealthFinding>();
            List<ExtraHopAppliance> connected = await ApplianceApi.GetConnectedAsync(context.Session, cancellationToken).ConfigureAwait(false);
            string? console = context.System.Version;
            var findings = new List<ExtraHopHealthFinding>();
            foreach (ExtraHopAppliance appliance in connected)
            {
                if (FirmwareVersion.Compare(appliance.FirmwareVersion, console) > 0)
                {
                    findings.Add(context.Finding(Name, HealthStatus.Critical,
                        $"{appliance.Name} runs {appliance.FirmwareVersion}, newer than this console's {console}: upgrade the console first.", appliance.Name));
                }
                string? status = appliance.StatusMessage;
                if (status != null && TroubleWords.Any(w => status.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    findings.Add(context.Finding(Name, HealthStatus.Warning, $"{appliance.Name}: {status.Trim()}.", appliance.Name));
                }
            }

            if (findings.Count == 0)
            {
                findings.Add(context.Finding(Name, HealthStatus.OK, $"{connected.Count} connected, none newer than the console or disconnected.", connected.Count));
            }
            return findings;
        }
    }
}
