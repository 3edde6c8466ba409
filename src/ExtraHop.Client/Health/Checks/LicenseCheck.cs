using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Health.Checks
{
    /// <summary>The appliance's license: expired is critical, expiring within the threshold a warning, one without end passes.</summary>
    internal sealed class LicenseCheck : IHealthCheck
    {
        public HealthCheck Name => HealthCheck.License;

        public async Task<IEnumerable<ExtraHopHealthFinding>> RunAsync(HealthContext context, CancellationToken cancellationToken)
        {
            ExtraHopLicense license = await LicenseApi.GetAsync(context.Session, cancellationToken).ConfigureAwait(false);
            string edition = string.IsNullOrWhiteSpace(license.Edition) ? "The license" : $"{license.Edition!.Trim()} license";
            if (!license.Expires.HasValue) return context.One(Name, HealthStatus.OK, $"{edition}: no expiry.");

            var expires = new DateTimeOffset(license.Expires.Value);
            HealthStatus severity = Expiry.Judge(expires, context.Now, context.Options.LicenseWarningDays, out int daysLeft);
            return context.One(Name, severity, $"{edition}: {Expiry.Describe(expires, context.Now)}.", daysLeft);
        }
    }
}
