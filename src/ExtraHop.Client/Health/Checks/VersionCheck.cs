using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Upgrade;

namespace ExtraHop.Health.Checks
{
    /// <summary>
    /// The firmware against the console's, when a console is in the session set. Older than the console is a
    /// warning (not upgraded yet); newer breaks the guide's rule that a console runs at least the firmware of every
    /// appliance connected to it, which is critical. Consoles are not compared with each other.
    /// </summary>
    internal sealed class VersionCheck : IHealthCheck
    {
        public HealthCheck Name => HealthCheck.Version;

        public Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(HealthContext context, CancellationToken cancellationToken) =>
            Task.FromResult(Check(context));

        private IEnumerable<ExtraHopHealthFinding> Check(HealthContext context)
        {
            string? console = context.Options.ConsoleVersion;
            string? version = context.System.Version;
            if (console == null || context.Role == ApplianceRole.Console) return Enumerable.Empty<ExtraHopHealthFinding>();
            string consoleName = $"console {context.Options.ConsoleServer} ({console})";
            switch (FirmwareVersion.Compare(version, console))
            {
                case null:
                    return context.One(Name, HealthStatus.Warning, $"'{version}' cannot be compared with {consoleName}.", version);
                case 0:
                    return context.One(Name, HealthStatus.OK, $"{version}, the same as {consoleName}.", version);
                case int older when older < 0:
                    return context.One(Name, HealthStatus.Warning, $"{version}, older than {consoleName}.", version);
                default:
                    return context.One(Name, HealthStatus.Critical,
                        $"{version}, newer than {consoleName}: a console must run at least its appliances' firmware.", version);
            }
        }
    }
}
