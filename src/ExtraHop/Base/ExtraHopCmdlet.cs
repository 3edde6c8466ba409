using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Sessions;
using ExtraHop.Upgrade;

namespace ExtraHop.Base
{
    /// <summary>
    /// What every cmdlet of the module shares: the cancellation token that Ctrl+C trips (StopProcessing is sealed so
    /// no cmdlet can break that), running async client work while the pipeline thread writes what the work posts
    /// (PowerShell allows Write* only from that thread), session resolution, and error mapping.
    /// </summary>
    public abstract class ExtraHopCmdlet : PSCmdlet, IDisposable
    {
        /// <summary>The progress bar of a parallel read across sessions (see <see cref="WriteFromEachSession"/>).</summary>
        private const int ParallelReadActivityId = 7400;

        /// <summary>The parameter every cmdlet names its sessions with; only its omission means the default session.</summary>
        private const string SessionParameterName = "Session";

        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private PipelineQueue? pipelineQueue;

        /// <summary>Cancelled by Ctrl+C (StopProcessing); every request, delay and wait gets it.</summary>
        protected CancellationToken CancellationToken => cancellation.Token;

        protected sealed override void StopProcessing() => cancellation.Cancel();

        public void Dispose()
        {
            cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Runs <paramref name="work"/> (see <see cref="Start"/>) and, until it ends, performs on the pipeline thread whatever
        /// it <see cref="Post"/>s (verbose lines from the client arrive this way). Returns its result, or rethrows its
        /// failure; a cancelled run ends the pipeline as PowerShell expects from Ctrl+C. Never returns while the work
        /// is still running, so no thread outlives the cmdlet.
        /// </summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work)
        {
            using (var queue = new PipelineQueue())
            {
                pipelineQueue = queue;
                CancellationToken token = CancellationToken;
                // Only when verbose output is wanted: each line is a hand-off to this thread, which a tight loop of calls pays for.
                Action<string>? verbose = IsVerbose ? line => Post(() => WriteVerbose(line)) : (Action<string>?)null;
                Task<T> task;
                SynchronizationContext? hostContext = SynchronizationContext.Current;
                try
                {
                    // A host with its own context on this thread must not get the work's continuations: this thread is about to wait for them.
                    SynchronizationContext.SetSynchronizationContext(null);
                    task = Start(work, token, verbose);
                }
                finally
                {
                    SynchronizationContext.SetSynchronizationContext(hostContext);
                }
                task.ContinueWith(_ => queue.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

                bool pipelineStopped = false;
                foreach (Action action in queue.Consume())
                {
                    if (pipelineStopped) continue;
                    try
                    {
                        action();
                    }
                    catch (PipelineStoppedException)
                    {
                        // The pipeline is going away: stop writing, cancel the work, and wait for it to wind down.
                        pipelineStopped = true;
                        cancellation.Cancel();
                    }
                }

                pipelineQueue = null;
                if (pipelineStopped)
                {
                    // The work has ended (the queue completes only then); its outcome no longer matters.
                    task.Exception?.Handle(_ => true);
                    throw new PipelineStoppedException();
                }

                try
                {
                    return task.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        /// <summary>
        /// Starts the work on this thread up to its first real wait (sending a request), so a short call costs one
        /// hand-off between threads, not two; everything after that runs on the thread pool. The trace sink is set
        /// inside, so it flows with the work and does not stay behind on the pipeline thread; an exception the work
        /// throws before it awaits lands in the task, as it would from Task.Run.
        /// </summary>
        private static async Task<T> Start<T>(Func<CancellationToken, Task<T>> work, CancellationToken token, Action<string>? verbose)
        {
            ApiTrace.Current = verbose;
            return await work(token).ConfigureAwait(false);
        }

        /// <summary>Queues an action (WriteObject, WriteProgress, WriteError...) for the pipeline thread. Safe from any thread during <see cref="Run"/>.</summary>
        protected void Post(Action action) => pipelineQueue?.TryAdd(action);

        /// <summary>The connected sessions the command acts on (see <see cref="SessionsGivenOrDefault"/>); a closed one is a terminating error.</summary>
        protected ExtraHopSession[] ResolveSessions(ExtraHopSession[]? given)
        {
            ExtraHopSession[] sessions = SessionsGivenOrDefault(given);
            foreach (ExtraHopSession session in sessions) ThrowIfClosed(session);
            return sessions;
        }

        /// <summary>The session an object was read through (piped objects remember their appliance); one without a session is an error, never the default.</summary>
        protected ExtraHopSession ResolveSessionOf(ExtraHopObject item)
        {
            if (item.Session == null) ThrowTerminatingError(SessionErrors.NoSession($"The {item.GetType().Name} given carries no session, so the module cannot tell which appliance it came from."));
            ThrowIfClosed(item.Session!);
            return item.Session!;
        }

        /// <summary>
        /// The sessions given with -Session, or the runspace's default when -Session was omitted. Only an omitted
        /// -Session means the default: one that was given but holds no session ($null, an empty array, a piped object
        /// whose Session is null) is a terminating ExtraHop.NoSession error. Such a value nearly always comes from a
        /// step that failed (a Connect-ExtraHop that returned nothing, a Get-EHSession filter that matched nothing),
        /// and the default would be an appliance the user never named for this command.
        /// </summary>
        protected ExtraHopSession[] SessionsGivenOrDefault(ExtraHopSession[]? given)
        {
            if (given != null && given.Length > 0 && Array.IndexOf(given, null) < 0) return given;
            if (SessionWasGiven(given))
            {
                ThrowTerminatingError(SessionErrors.NoSession(given == null || given.Length == 0
                    ? "-Session was given, but it holds no session ($null or empty)."
                    : "-Session was given, but one of its values is $null."));
            }

            ExtraHopSession? fallback = SessionRegistry.Current.Default;
            if (fallback == null) ThrowTerminatingError(SessionErrors.NoDefaultSession());
            return new[] { fallback! };
        }

        /// <summary>Whether -Session was given for this record (on the command line, or by the piped object), whatever it holds.</summary>
        protected bool SessionWasGiven(ExtraHopSession[]? given)
        {
            if (given != null) return true;
            // PowerShell keeps a parameter that one piped object bound in BoundParameters, with its old value, for the
            // next object that does not bind it, while it resets the property to null: such a stale entry is no -Session.
            return MyInvocation.BoundParameters.TryGetValue(SessionParameterName, out object? boundValue) && boundValue == null;
        }

        private void ThrowIfClosed(ExtraHopSession session)
        {
            if (!session.IsConnected) ThrowTerminatingError(SessionErrors.Closed(session));
        }

        /// <summary>True under -Verbose (or $VerbosePreference other than SilentlyContinue and Ignore), when verbose lines are shown or kept.</summary>
        private bool IsVerbose =>
            MyInvocation.BoundParameters.TryGetValue("Verbose", out object? verbose)
                ? ((SwitchParameter)verbose).IsPresent
                : LanguagePrimitives.TryConvertTo(SessionState.PSVariable.GetValue("VerbosePreference"), out ActionPreference preference)
                    && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;

        /// <summary>True under -WhatIf (or $WhatIfPreference).</summary>
        protected bool IsWhatIf =>
            (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf) && ((SwitchParameter)whatIf).IsPresent)
            || LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        /// <summary>
        /// ShouldProcess, except that -Force skips the confirmation prompt (for scheduled tasks). -WhatIf is never
        /// skipped: with it, this prints what would happen and returns false even with -Force.
        /// </summary>
        protected bool ShouldProcessUnlessForced(bool force, string target, string action, string? detail = null)
        {
            if (force && !IsWhatIf) return true;
            return ShouldProcessOrExplain(target, action, detail);
        }

        /// <summary>
        /// ShouldProcess. A host that cannot ask (pwsh -NonInteractive, a scheduled task, a runspace without a UI)
        /// fails the prompt with PowerShell's generic "NonInteractive mode" error; this ends the command instead
        /// with one that says how to confirm ahead, before anything was changed for this target.
        /// </summary>
        /// <param name="detail">More lines for the -WhatIf text and the prompt, such as the differences a replace would make; never secrets.</param>
        protected bool ShouldProcessOrExplain(string target, string action, string? detail = null)
        {
            try
            {
                if (detail == null) return ShouldProcess(target, action);
                string description = $"Performing the operation \"{action}\" on target \"{target}\".{Environment.NewLine}{detail}";
                return ShouldProcess(description, "Are you sure you want to perform this action?" + Environment.NewLine + description, "Confirm");
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is System.Management.Automation.Host.HostException)
            {
                string ahead = MyInvocation.MyCommand.Parameters.ContainsKey("Force") ? "-Force (or -Confirm:$false)" : "-Confirm:$false";
                string message = $"{MyInvocation.MyCommand.Name} needs a confirmation to go on with {target} ({action}), but this PowerShell cannot ask for one: "
                    + $"it runs non-interactively. Nothing was changed on {target}. To confirm ahead, run the command with {ahead}.";
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message, ex), ErrorIds.ConfirmationRequired, ErrorCategory.InvalidOperation, target)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Run the command again with {ahead}." },
                });
                return false;
            }
        }

        /// <summary>
        /// Reports how one appliance of several failed, where a result object that says so reaches the script too.
        /// Normally a non-terminating error. But when errors stop this command (-ErrorAction Stop, or
        /// $ErrorActionPreference = 'Stop', the first line of most admin scripts), PowerShell would end the whole
        /// command at the first such error: the appliances after it would not be upgraded, and `$r = ...` would
        /// receive none of the results. Then the failure is a warning instead, naming the appliance and the ErrorId;
        /// the result object carries the rest.
        /// </summary>
        internal void WriteApplianceFailure(ErrorRecord error, string server)
        {
            if (!ErrorsStopThisCommand)
            {
                WriteError(error);
                return;
            }
            string message = error.ErrorDetails?.Message ?? error.Exception.Message;
            string advice = error.ErrorDetails?.RecommendedAction == null ? string.Empty : " Next: " + error.ErrorDetails.RecommendedAction;
            // Most appliance messages already start with the server ("eda01: GET /users: ..."); say it once.
            string prefix = message.StartsWith(server + ":", StringComparison.OrdinalIgnoreCase) ? string.Empty : server + ": ";
            WriteWarning($"{prefix}{message} [{error.FullyQualifiedErrorId}]{advice}");
        }

        /// <summary>True when a non-terminating error would end this command: -ErrorAction Stop, or else $ErrorActionPreference.</summary>
        private bool ErrorsStopThisCommand
        {
            get
            {
                object? preference = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out object? bound)
                    ? bound
                    : SessionState.PSVariable.GetValue("ErrorActionPreference");
                return LanguagePrimitives.TryConvertTo(preference, out ActionPreference action) && action == ActionPreference.Stop;
            }
        }

        /// <summary>Writes a failure as a non-terminating error, so the other items of the pipeline still run.</summary>
        protected void WriteFailure(Exception exception, object? target) => WriteError(ErrorMapper.ToErrorRecord(exception, target));

        /// <summary>
        /// Checks and converts arguments before anything is sent; a refusal (an ArgumentException) is written as an
        /// error for the target and false is returned, so bad input changes nothing and the pipeline goes on.
        /// </summary>
        protected bool TryPrepare<T>(object? target, Func<T> prepare, out T result)
        {
            try
            {
                result = prepare();
                return true;
            }
            catch (ArgumentException ex)
            {
                WriteFailure(ex, target);
                result = default!;
                return false;
            }
        }

        /// <summary>Runs one piece of work for one target; a failure of it is written as an error and the cmdlet goes on.</summary>
        protected bool TryRun<T>(object? target, Func<CancellationToken, Task<T>> work, out T result)
        {
            try
            {
                result = Run(work);
                return true;
            }
            catch (Exception ex) when (IsFailureToReport(ex))
            {
                WriteFailure(ex, target);
                result = default!;
                return false;
            }
        }

        /// <summary>
        /// Makes a change for one target and, with -PassThru, reads back what it changed and writes that: what every
        /// Set-, Unlock- and Restart- cmdlet does once it has confirmation. Either failing is written as an error and
        /// the cmdlet goes on to its next target.
        /// </summary>
        protected void ChangeThenPassThru<T>(object? target, Func<CancellationToken, Task> change, bool passThru, Func<CancellationToken, Task<T>> readBack)
            where T : class
        {
            if (!TryRun(target, async token =>
            {
                await change(token).ConfigureAwait(false);
                return passThru ? await readBack(token).ConfigureAwait(false) : null;
            }, out T? after)) return;
            if (after != null) WriteObject(after);
        }

        /// <summary>What one target's work may fail with and be reported for, the others going on: the appliance refused or failed, or an argument was bad.</summary>
        private static bool IsFailureToReport(Exception ex) =>
            ex is ExtraHopApiException || ex is ArgumentException || ex is Api.ClusterIngestUnsupportedException;

        /// <summary>
        /// Reads something from each session and writes it (collections one item at a time); a session that fails gets
        /// an error and the others go on. A read that only one role of appliance offers names it in <paramref name="onlyOn"/>:
        /// sessions known (from Connect) to be another role are skipped with a verbose line, as asking them would only
        /// bring an error; sessions of unknown role are asked. With a <paramref name="throttleLimit"/> above 1 the
        /// sessions are read in parallel (at most that many at once, through the fleet runner) and each result is
        /// written as soon as its appliance answers.
        /// </summary>
        protected void WriteFromEachSession<T>(ExtraHopSession[]? sessions, Func<ExtraHopSession, CancellationToken, Task<T>> read, ApplianceRole? onlyOn = null, int throttleLimit = 1)
        {
            var asked = new List<ExtraHopSession>();
            foreach (ExtraHopSession session in ResolveSessions(sessions))
            {
                if (onlyOn.HasValue && session.Role != onlyOn.Value && session.Role != ApplianceRole.Unknown)
                {
                    WriteVerbose($"{session.Server}: skipped; it is a {session.Role.ToString().ToLowerInvariant()}, not a {onlyOn.Value.ToString().ToLowerInvariant()}.");
                    continue;
                }
                asked.Add(session);
            }

            if (throttleLimit <= 1 || asked.Count <= 1)
            {
                foreach (ExtraHopSession session in asked)
                {
                    if (TryRun(session, token => read(session, token), out T result)) WriteObject(result, enumerateCollection: true);
                }
                return;
            }

            // One progress bar for the whole set: a slow appliance (a timeout on a far site) should not look like a hang.
            var line = new ProgressLine(ParallelReadActivityId, $"Reading from {asked.Count} appliances, {throttleLimit} at a time");
            int finished = 0;
            Run(token => FleetRunner.RunAsync<ExtraHopSession, bool>(
                asked,
                throttleLimit,
                async (session, sessionToken) =>
                {
                    try
                    {
                        T result = await read(session, sessionToken).ConfigureAwait(false);
                        Post(() => WriteObject(result, enumerateCollection: true));
                        return true;
                    }
                    catch (Exception ex) when (IsFailureToReport(ex))
                    {
                        Post(() => WriteFailure(ex, session));
                        return false;
                    }
                    finally
                    {
                        int done = Interlocked.Increment(ref finished);
                        ProgressRecord? record = line.Update($"{done} of {asked.Count} done (last: {session.Server})", done * 100 / asked.Count);
                        if (record != null) Post(() => WriteProgress(record));
                    }
                },
                session => false,
                null,
                token));
            WriteProgress(line.Completed());
        }
    }
}
