using ExtraHop.Models;
using ExtraHop.Upgrade;

namespace ExtraHop.Api
{
    /// <summary>
    /// The one rule for operations the REST API guide marks "only valid on consoles": a session whose role is known
    /// (from Connect) and is not a console is refused before any request, with an error naming the operation and the
    /// role. A session of unknown role is let through, and the appliance answers for itself. Some operations were
    /// console-only in an older guide and not in a newer one (cloud services status: 9.0 says consoles only, 9.9 does
    /// not); those name the first version that lifts the restriction.
    /// </summary>
    internal sealed class ConsoleOnly
    {
        public static readonly ConsoleOnly ApplianceById = new ConsoleOnly("Reading one connected appliance (GET /appliances/{id})");
        public static readonly ConsoleOnly Disconnect = new ConsoleOnly("Disconnecting an appliance (DELETE /appliances/{id})");
        public static readonly ConsoleOnly ProductKey = new ConsoleOnly("Product keys of connected appliances (GET /appliances/{id}/productkey)");
        public static readonly ConsoleOnly Association = new ConsoleOnly("IDS sensor associations (/appliances/{ids_id}/association)");
        public static readonly ConsoleOnly RemoteFirmware = new ConsoleOnly("Firmware for connected appliances (GET /appliances/firmware/next)");
        public static readonly ConsoleOnly RemoteUpgrade = new ConsoleOnly("Upgrading connected appliances (POST /appliances/firmware/upgrade)");
        public static readonly ConsoleOnly CloudServiceStatus = new ConsoleOnly("Cloud services status (GET /appliances/0/cloudservices)", "9.9");

        private ConsoleOnly(string name, string? liftedInVersion = null)
        {
            Name = name;
            LiftedInVersion = liftedInVersion;
        }

        public string Name { get; }

        /// <summary>The first firmware on which other roles may do it too; null when it is console-only on every version.</summary>
        public string? LiftedInVersion { get; }

        /// <summary>Throws <see cref="ApplianceRefusedException"/> when the session is known not to be a console that may do this.</summary>
        public void Require(ExtraHopSession session)
        {
            if (session.Role == ApplianceRole.Console || session.Role == ApplianceRole.Unknown) return;
            if (LiftedInVersion != null && FirmwareVersion.Compare(session.Version, LiftedInVersion) >= 0) return;
            string version = LiftedInVersion == null ? string.Empty : $" on firmware before {LiftedInVersion} ({session.Server} runs {session.Version})";
            throw new ApplianceRefusedException(ApplianceRefusal.ConsoleOnly,
                $"{Name} is only valid on consoles{version}; {session.Server} is a {session.Role.ToString().ToLowerInvariant()}. Nothing was sent. Run it with -Session set to the console that manages the appliance.");
        }
    }
}
