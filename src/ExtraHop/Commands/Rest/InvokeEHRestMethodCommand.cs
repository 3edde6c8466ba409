using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Calls any operation of the REST API through a session, for the many the module has no cmdlet for yet (devices,
    /// tags, metrics, records, dashboards). JSON answers come back as PowerShell objects; a 201 as the new object's id;
    /// a 202 as the job it started, followed to its end with -Wait.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "EHRestMethod", SupportsShouldProcess = true)]
    [OutputType(typeof(PSObject), typeof(string), typeof(long), typeof(ExtraHopJob))]
    public sealed class InvokeEHRestMethodCommand : ExtraHopCmdlet
    {
        private const int FirstActivityId = 7300;

        // Not a ValidateSet: Get-Help would then draw the syntax as {GET | POST ...}; the method is checked with the other arguments.
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(HttpMethodCompleter))]
        public string Method { get; set; } = "GET";

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNull]
        public IDictionary? Query { get; set; }

        [Parameter]
        public object? Body { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ContentType { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int WaitTimeoutSec { get; set; } = 3600;

        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 5;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        /// <summary>The API's methods, each one instance for every call (HttpClient prepares a method's bytes once per instance).</summary>
        private static readonly Dictionary<string, HttpMethod> Methods =
            HttpMethodCompleter.Methods.ToDictionary(name => name, name => new HttpMethod(name), StringComparer.OrdinalIgnoreCase);

        protected override void ProcessRecord()
        {
            if (!TryPrepare(Path, Prepare, out var call)) return;
            ExtraHopSession[] sessions = ResolveSessions(Session);
            if (call.OutFile != null && sessions.Length > 1)
            {
                WriteFailure(new ArgumentException("-OutFile saves one answer: give one session."), Path);
                return;
            }

            foreach (ExtraHopSession session in sessions)
            {
                if (call.Method != HttpMethod.Get && !ShouldProcess(session.Server, Describe(call.Method, call.Path))) continue;
                if (call.Content != null) WriteVerbose($"{Describe(call.Method, call.Path)}: a body of {call.Content.Length} bytes ({call.Content.MediaType}), not shown.");
                if (!TryRun(Path, token => SendAsync(session, call.Method, call.Path, call.Content, call.OutFile, token), out (ApiResponse Response, object? Body) answer)) continue;
                WriteAnswer(session, answer.Response, answer.Body);
            }
        }

        private static string Describe(HttpMethod method, string path) => $"{method.Method} /api/v1/{path}";

        private (HttpMethod Method, string Path, RestContent? Content, string? OutFile) Prepare()
        {
            if (!Methods.TryGetValue(Method, out HttpMethod? method)) throw new ArgumentException($"'{Method}' is not a method of the REST API: use {string.Join(", ", HttpMethodCompleter.Methods)}.");
            if (Body != null && method == HttpMethod.Get) throw new ArgumentException("A GET has no body; give parameters with -Query.");
            string? outFile = OutFile == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
            if (outFile != null && !Directory.Exists(System.IO.Path.GetDirectoryName(outFile))) throw new ArgumentException($"The folder of -OutFile '{OutFile}' does not exist.");
            return (method, RestPath.Build(Path, RestQuery.From(Query)), RestBody.From(Body, ContentType), outFile);
        }

        /// <summary>
        /// Sends the request and reads a JSON or text answer (in the same run, so one call is one hand-off between
        /// threads). With -OutFile the answer's bytes go to the file; a failed call leaves no partial file behind.
        /// </summary>
        private static async Task<(ApiResponse, object?)> SendAsync(ExtraHopSession session, HttpMethod method, string path, RestContent? content, string? outFile, CancellationToken token)
        {
            if (outFile == null)
            {
                ApiResponse response = await RestApi.SendAsync(session, method, path, content, null, token).ConfigureAwait(false);
                return (response, IsCreatedOrJob(response) ? null : RestApi.ReadBody(session, response, method, path));
            }

            // A 128 KiB buffer gathers the few-KiB pieces of a chunked answer into larger writes.
            var file = new FileStream(outFile, FileMode.Create, FileAccess.Write, FileShare.None, 128 * 1024, FileOptions.Asynchronous);
            bool saved = false;
            try
            {
                ApiResponse response = await RestApi.SendAsync(session, method, path, content, file, token).ConfigureAwait(false);
                saved = true;
                return (response, null);
            }
            finally
            {
                file.Dispose();
                if (!saved) File.Delete(outFile);
            }
        }

        private static bool IsCreatedOrJob(ApiResponse response) =>
            response.Location != null && (response.StatusCode == HttpStatusCode.Created || response.StatusCode == HttpStatusCode.Accepted);

        private void WriteAnswer(ExtraHopSession session, ApiResponse response, object? body)
        {
            if (!IsCreatedOrJob(response))
            {
                WriteObject(JsonObjects.ToPowerShell(body), enumerateCollection: true);
            }
            else if (response.StatusCode == HttpStatusCode.Created)
            {
                WriteObject(RestPath.IdFromLocation(response.Location));
            }
            else if (Wait)
            {
                FollowJob(JobApi.Pending(session, response.Location!));
            }
            else
            {
                WriteObject(JobApi.Pending(session, response.Location!));
            }
        }

        private void FollowJob(ExtraHopJob job)
        {
            var line = new ProgressLine(FirstActivityId, $"Waiting for job {job.Id} on {job.Server}");
            try
            {
                ExtraHopJob final = Run(token => JobWaiter.WaitAsync(job, TimeSpan.FromSeconds(WaitTimeoutSec), TimeSpan.FromSeconds(PollIntervalSec), update =>
                {
                    ProgressRecord? record = line.Update(Upgrade.ApplianceUpgrader.Describe(update), Upgrade.ApplianceUpgrader.PercentOf(update.Job));
                    if (record != null) Post(() => WriteProgress(record));
                }, token));
                if (final.Succeeded) WriteObject(final);
                else WriteError(JobErrors.Failed(new JobFailedException(final)));
            }
            catch (JobWaitTimeoutException ex)
            {
                WriteError(JobErrors.WaitTimedOut(ex, job));
            }
            catch (ExtraHopApiException ex)
            {
                WriteFailure(ex, job);
            }
            finally
            {
                WriteProgress(line.Completed());
            }
        }
    }
}
