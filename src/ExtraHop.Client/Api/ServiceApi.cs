using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/extrahop/services: which services (ssh, snmp, the management GUI...) an appliance runs, and turning them on or off.</summary>
    internal static class ServiceApi
    {
        private const string Path = "extrahop/services";

        /// <summary>One object per service, in name order; see <see cref="ExtraHopService"/> for how entries are read.</summary>
        public static async Task<List<ExtraHopService>> GetAllAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            IDictionary<string, object?> settings = await SettingsObject.ReadAsync(session, Path, "service_settings", cancellationToken).ConfigureAwait(false);
            return settings.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(s => Read(s.Key, s.Value).From(session)).ToList();
        }

        /// <summary>Sends only the services named, each as {"enabled": value}.</summary>
        public static Task SetEnabledAsync(ExtraHopSession session, IDictionary<string, bool> enabled, CancellationToken cancellationToken)
        {
            var body = enabled.ToDictionary(e => e.Key, e => new Dictionary<string, bool> { ["enabled"] = e.Value });
            return SettingsObject.PatchAsync(session, Path, body, cancellationToken);
        }

        private static ExtraHopService Read(string name, object? value)
        {
            var service = new ExtraHopService { Name = name };
            if (value is bool enabled)
            {
                service.Enabled = enabled;
            }
            else if (value is IDictionary<string, object?> fields)
            {
                service.Enabled = SettingsObject.Flag(fields, "enabled");
                service.ExtensionData = SettingsObject.Without(fields, "enabled");
            }
            return service;
        }
    }
}
