using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Models;
using ExtraHop.Sessions;
using ExtraHop.Upgrade;

namespace ExtraHop.Base
{
    /// <summary>
    /// What New-EHSupportPack and Invoke-EHSupportPack share: start a support pack run on each appliance, follow its
    /// queue entry to the end within -TimeoutSec with progress, and write the pack file it produced.
    /// </summary>
    public abstract class SupportPackRunCmdlet : ExtraHopCmdlet
    {
        private const int ActivityId = 7300;

        [Parameter]
        [ValidateRange(1, TimeLimits.MaxWaitSeconds)]
        public int TimeoutSec { get; set; } = 1800;

        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 2;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        /// <summary>Starts one run; <paramref name="what"/> names it for progress and errors.</summary>
        internal void RunOn(ExtraHopSession session, string what, Func<CancellationToken, Task<ExtraHopJob>> start)
        {
            var line = new ProgressLine(ActivityId, $"Running {what} on {session.Server}");
            try
            {
                ExtraHopSupportPack pack = Run(async token =>
                {
                    DateTimeOffset startedAt = DateTimeOffset.UtcNow;
                    ExtraHopJob run = await start(token).ConfigureAwait(false);
                    return await SupportPackApi.WaitForFileAsync(run, startedAt, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec), update =>
                    {
                        ProgressRecord? record = line.Update(ApplianceUpgrader.Describe(update), ApplianceUpgrader.PercentOf(update.Job));
                        if (record != null) Post(() => WriteProgress(record));
                    }, token).ConfigureAwait(false);
                });
                WriteObject(pack);
            }
            catch (JobWaitTimeoutException ex)
            {
                WriteError(TransferErrors.RunTimedOut(ex, session.Server));
            }
            catch (Exception ex) when (ex is ExtraHopApiException || ex is SupportPackFailedException)
            {
                WriteFailure(ex, session);
            }
            finally
            {
                WriteProgress(line.Completed());
            }
        }
    }
}
