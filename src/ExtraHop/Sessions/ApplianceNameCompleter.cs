using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Models;

namespace ExtraHop.Sessions
{
    /// <summary>
    /// Tab completion from names the appliance knows (users, jobs, firmware versions): asks the session bound on the command line, or
    /// the default one, at most once every half minute per session, and never holds the prompt for more than two
    /// seconds. With no session there is no network call and no completion.
    /// </summary>
    internal abstract class ApplianceNameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);
        private static readonly ConcurrentDictionary<(string Kind, ExtraHopSession Session), (DateTime At, string[] Names)> Cache =
            new ConcurrentDictionary<(string, ExtraHopSession), (DateTime, string[])>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            ExtraHopSession? session = BoundSession(fakeBoundParameters) ?? SessionRegistry.Current.Default;
            if (session == null || !session.IsConnected) return Enumerable.Empty<CompletionResult>();

            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return NamesFrom(session).Where(pattern.IsMatch).Select(name =>
                new CompletionResult(name.IndexOf(' ') >= 0 ? "'" + name + "'" : name, name, CompletionResultType.ParameterValue, name));
        }

        /// <summary>A name for the cache, so completers of different things do not share entries.</summary>
        protected abstract string Kind { get; }

        protected abstract Task<IEnumerable<string>> ReadNamesAsync(ExtraHopSession session, CancellationToken cancellationToken);

        /// <summary>The order the names are offered in: alphabetical, unless the appliance's own order means more.</summary>
        protected virtual IEnumerable<string> Arrange(IEnumerable<string> names) => names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase);

        private string[] NamesFrom(ExtraHopSession session)
        {
            if (Cache.TryGetValue((Kind, session), out var cached) && DateTime.UtcNow - cached.At < CacheLifetime) return cached.Names;
            using (var limit = new CancellationTokenSource(TimeLimit))
            {
                try
                {
                    string[] names = Arrange(ReadNamesAsync(session, limit.Token).GetAwaiter().GetResult()).ToArray();
                    Cache[(Kind, session)] = (DateTime.UtcNow, names);
                    return names;
                }
                catch (Exception ex) when (ex is ExtraHopApiException || ex is OperationCanceledException)
                {
                    // Completion is a convenience: an appliance that is slow or refuses simply completes nothing.
                    return Array.Empty<string>();
                }
            }
        }

        private static ExtraHopSession? BoundSession(IDictionary bound)
        {
            if (bound == null || !bound.Contains("Session")) return null;
            object? value = bound["Session"] is PSObject wrapped ? wrapped.BaseObject : bound["Session"];
            switch (value)
            {
                case ExtraHopSession session: return session;
                case string name: return SessionRegistry.Current.Find(name);
                case IEnumerable many: return many.Cast<object>().Select(o => o is PSObject p ? p.BaseObject : o).OfType<ExtraHopSession>().FirstOrDefault();
                default: return null;
            }
        }
    }

    /// <summary>Completes -Name of Get-EHUser with the user names on the appliance.</summary>
    internal sealed class UserNameCompleter : ApplianceNameCompleter
    {
        protected override string Kind => "users";

        protected override async Task<IEnumerable<string>> ReadNamesAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            (await Api.UserApi.ListAsync(session, cancellationToken).ConfigureAwait(false)).Select(u => u.Username);
    }

    /// <summary>Completes job ids from the appliance's job list.</summary>
    internal sealed class JobIdCompleter : ApplianceNameCompleter
    {
        protected override string Kind => "jobs";

        protected override async Task<IEnumerable<string>> ReadNamesAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            (await Api.JobApi.ListAsync(session, cancellationToken).ConfigureAwait(false)).Select(j => j.Id);
    }

    /// <summary>Completes -Version with the builds the appliance can take from ExtraHop Cloud Services (firmware/next), newest first.</summary>
    internal sealed class FirmwareVersionCompleter : ApplianceNameCompleter
    {
        protected override string Kind => "firmware versions";

        protected override async Task<IEnumerable<string>> ReadNamesAsync(ExtraHopSession session, CancellationToken cancellationToken) =>
            (await Api.FirmwareApi.GetAvailableAsync(session, cancellationToken).ConfigureAwait(false)).SelectMany(r => r.Versions);

        /// <summary>The appliance lists releases and builds newest first; that order is the useful one, and text order is not version order.</summary>
        protected override IEnumerable<string> Arrange(IEnumerable<string> names) => names.Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
