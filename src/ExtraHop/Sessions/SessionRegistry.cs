using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using ExtraHop.Models;

namespace ExtraHop.Sessions
{
    /// <summary>
    /// The sessions connected in one runspace, and which is the default. Keyed by runspace (never a process-wide
    /// default), so ForEach-Object -Parallel workers and other runspaces cannot change each other's default;
    /// a session object itself can still be handed to them with $using:.
    /// </summary>
    internal sealed class SessionRegistry
    {
        private static readonly ConditionalWeakTable<Runspace, SessionRegistry> PerRunspace = new ConditionalWeakTable<Runspace, SessionRegistry>();
        private readonly object gate = new object();
        private readonly List<ExtraHopSession> sessions = new List<ExtraHopSession>();

        public static SessionRegistry Current
        {
            get
            {
                Runspace runspace = Runspace.DefaultRunspace
                    ?? throw new InvalidOperationException("The ExtraHop cmdlets must run in a PowerShell runspace.");
                return PerRunspace.GetValue(runspace, _ => new SessionRegistry());
            }
        }

        public ExtraHopSession? Default { get; private set; }

        public IReadOnlyList<ExtraHopSession> All
        {
            get
            {
                lock (gate) return sessions.ToArray();
            }
        }

        /// <summary>
        /// A new default replaces the earlier entries for its server (the old objects stay usable where they are
        /// held). A session added with -NotDefault never changes the default: if the default is a session to the
        /// same server, both stay registered, and looking the name up still finds the default.
        /// </summary>
        public void Add(ExtraHopSession session, bool makeDefault)
        {
            lock (gate)
            {
                sessions.RemoveAll(s => string.Equals(s.Server, session.Server, StringComparison.OrdinalIgnoreCase)
                    && (makeDefault || !ReferenceEquals(s, Default)));
                sessions.Add(session);
                if (makeDefault) SetDefault(session);
            }
        }

        public void Remove(ExtraHopSession session)
        {
            lock (gate)
            {
                sessions.Remove(session);
                if (ReferenceEquals(Default, session)) SetDefault(null);
            }
        }

        /// <summary>Finds a connected session by the name it was connected with, or the host name the appliance reports.</summary>
        public ExtraHopSession? Find(string name)
        {
            string wanted = name.Trim();
            lock (gate)
            {
                if (Default != null && Matches(Default, wanted)) return Default;
                return sessions.LastOrDefault(s => string.Equals(s.Server, wanted, StringComparison.OrdinalIgnoreCase))
                    ?? sessions.FirstOrDefault(s => string.Equals(s.BaseUri.Host, wanted, StringComparison.OrdinalIgnoreCase))
                    ?? sessions.FirstOrDefault(s => string.Equals(s.Hostname, wanted, StringComparison.OrdinalIgnoreCase));
            }
        }

        private static bool Matches(ExtraHopSession session, string name) =>
            string.Equals(session.Server, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(session.BaseUri.Host, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(session.Hostname, name, StringComparison.OrdinalIgnoreCase);

        private void SetDefault(ExtraHopSession? session)
        {
            if (Default != null) Default.IsDefault = false;
            Default = session;
            if (session != null) session.IsDefault = true;
        }
    }
}
