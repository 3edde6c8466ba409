using System;
using System.Collections.Concurrent;
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
        private BlockingCollection<Action>? pipelineQueue;

        /// <summary>Cancelled by Ctrl+C (StopProcessing); every request, delay and wait gets it.</summary>
        protected CancellationToken CancellationToken => cancellation.Token;

        protected sealed override void StopProcessing() => cancellation.Cancel();

        public void Dispose()
        {
            cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Runs <paramref name="work"/> on the thread pool and, until it ends, performs on the pipeline thread whatever
        /// it <see cref="Post"/>s (verbose lines from the client arrive this way). Returns its result, or rethrows its
        /// failure; a cancelled run ends the pipeline as PowerShell expects from Ctrl+C. Never returns while the work
        /// is still running, so no thread outlives the cmdlet.
        /// </summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work)
        {
            using (var queue = new BlockingCollection<Action>())
            {
                pipelineQueue = queue;
                CancellationToken token = CancellationToken;
                Action<string> verbose = line => Post(() => WriteVerbose(line));
                Task<T> task = Task.Run(() =>
                {
                    ApiTrace.Current = verbose;
                    return work(token);
                });
                task.ContinueWith(_ => queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

                bool pipelineStopped = false;
                foreach (Action action in queue.GetConsumingEnumerable())
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

        /// <summary>Queues an action (WriteObject, WriteProgress, WriteError...) for the pipeline thread. Safe from any thread during <see cref="Run"/>.</summary>
        protected void Post(Action action)
        {
            BlockingCollection<Action>? queue = pipelineQueue;
            if (queue == null) return;
            try
            {
                queue.Add(action);
            }
            catch (InvalidOperationException)
            {
                // The run already ended; what it would have written no longer has a pipeline to go to.
            }
        }

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
