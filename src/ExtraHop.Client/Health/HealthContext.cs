using System;
using System.Collections.Generic;
using ExtraHop.Models;

namespace ExtraHop.Health
{
    /// <summary>What every check of one appliance's report reads: the session, what the appliance just said it is, the thresholds, and one "now".</summary>
    internal sealed class HealthContext
    {
        public HealthContext(ExtraHopSession session, ExtraHopSystem system, HealthOptions options, DateTimeOffset now)
        {
            Session = session;
            System = system;
            Options = options;
            Now = now;
        }

        public ExtraHopSession Session { get; }

        /// <summary>From GET /extrahop at the start of the report: the version and role now, not at Connect.</summary>
        public ExtraHopSystem System { get; }

        public ApplianceRole Role => System.Role != ApplianceRole.Unknown ? System.Role : Session.Role;

        public HealthOptions Options { get; }

        /// <summary>One instant for every check, so days left are counted alike.</summary>
        public DateTimeOffset Now { get; }

        public ExtraHopHealthFinding Finding(HealthCheck check, HealthStatus severity, string message, object? value = null) =>
            new ExtraHopHealthFinding { Check = check, Severity = severity, Message = message, Value = value, Session = Session };

        public IEnumerable<ExtraHopHealthFinding> One(HealthCheck check, HealthStatus severity, string message, object? value = null)
        {
            yield return Finding(check, severity, message, value);
        }
    }
}
