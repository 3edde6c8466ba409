using System;
using System.Collections.Generic;
using ExtraHop.Models;

namespace ExtraHop.Health
{
    /// <summary>The thresholds a health report judges by, and how long one appliance's report may take.</summary>
    internal sealed class HealthOptions
    {
        /// <summary>A license that expires within this many days is a warning; an expired one is critical.</summary>
        public int LicenseWarningDays { get; set; } = 30;

        /// <summary>A TLS certificate that expires within this many days is a warning; an expired one is critical.</summary>
        public int CertificateWarningDays { get; set; } = 30;

        /// <summary>A job that failed within this many hours is a warning.</summary>
        public int JobLookbackHours { get; set; } = 24;

        /// <summary>One appliance's whole report; an appliance that takes longer is reported unreachable.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Checks left out (a site without cloud services on purpose); Reachability always runs.</summary>
        public ISet<HealthCheck> Skipped { get; } = new HashSet<HealthCheck>();

        /// <summary>
        /// The newest version among the consoles in the session set, and the console that runs it: what the other
        /// appliances are compared with (a console's firmware must stay at least every connected appliance's).
        /// Null when no console is in the set.
        /// </summary>
        public string? ConsoleVersion { get; set; }

        public string? ConsoleServer { get; set; }
    }
}
