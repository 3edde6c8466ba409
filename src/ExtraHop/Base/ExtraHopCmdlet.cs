using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Base
{
    /// <summary>
    /// What every cmdlet of the module shares: the cancellation token that Ctrl+C trips (StopProcessing is sealed so
    /// no cmdlet can break that), running async client work while the pipeline thread writes what the work posts
    /// (PowerShell allows Write* only from that thread), session resolution, and error mapping.
    /// </summary>
    public abstract class ExtraHopCmdlet : PSCmdlet, IDisposable
    {
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

        /// <summary>The sessions the user named, or the runspace's default; a terminating error when there is neither.</summary>
        protected ExtraHopSession[] ResolveSessions(ExtraHopSession[]? given)
        {
            if (given != null && given.Length > 0)
            {
                foreach (ExtraHopSession session in given)
                {
                    if (!session.IsConnected)
                    {
                        ThrowTerminatingError(new ErrorRecord(
                            new InvalidOperationException($"The session to {session.Server} was disconnected. Connect again with Connect-ExtraHop -Server {session.Server}."),
                            ErrorIds.SessionClosed, ErrorCategory.InvalidOperation, session));
                    }
                }
                return given;
            }

            ExtraHopSession? fallback = SessionRegistry.Current.Default;
            if (fallback == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("No ExtraHop session: connect with Connect-ExtraHop, or pass -Session."),
                    ErrorIds.NoDefaultSession, ErrorCategory.ConnectionError, null)
                {
                    ErrorDetails = new ErrorDetails("No ExtraHop session: connect with Connect-ExtraHop, or pass -Session.")
                    {
                        RecommendedAction = "Connect-ExtraHop -Server <appliance> -ApiKey (Read-Host -AsSecureString)",
                    },
                });
            }
            return new[] { fallback! };
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
        protected bool ShouldProcessUnlessForced(bool force, string target, string action)
        {
            if (force && !IsWhatIf) return true;
            return ShouldProcess(target, action);
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
            catch (Exception ex) when (ex is ExtraHopApiException || ex is ArgumentException || ex is Api.ClusterIngestUnsupportedException)
            {
                WriteFailure(ex, target);
                result = default!;
                return false;
            }
        }

        /// <summary>Reads something from each session and writes it (collections one item at a time); a session that fails gets an error and the others go on.</summary>
        protected void WriteFromEachSession<T>(ExtraHopSession[]? sessions, Func<ExtraHopSession, CancellationToken, Task<T>> read)
        {
            foreach (ExtraHopSession session in ResolveSessions(sessions))
            {
                if (TryRun(session, token => read(session, token), out T result)) WriteObject(result, enumerateCollection: true);
            }
        }
    }
}
