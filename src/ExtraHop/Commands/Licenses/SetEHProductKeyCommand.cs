using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Licensing;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Applies a product key to appliances (PUT /license/productkey), which registers the license, and follows the
    /// registration job if the appliance starts one. A key of the wrong shape is refused before anything is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EHProductKey", SupportsShouldProcess = true)]
    [OutputType(typeof(ExtraHopProductKey))]
    public sealed class SetEHProductKeyCommand : JobFollowingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ProductKey { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            ExtraHopSession[] sessions = ResolveSessions(Session);
            if (!TryPrepare(ProductKey, () => ProductKeyText.Normalize(ProductKey), out string key)) return;

            foreach (ExtraHopSession session in sessions)
            {
                if (!ShouldProcessOrExplain(session.Server, $"Apply product key {key} and register the license")) continue;
                if (!TryRunWithJob(session.Server, async token =>
                {
                    ExtraHopJob? job = await LicenseApi.SetProductKeyAsync(session, key, token).ConfigureAwait(false);
                    if (job != null) await FollowAsync(job, "Registering the product key", token).ConfigureAwait(false);
                    return PassThru ? await LicenseApi.GetProductKeyAsync(session, token).ConfigureAwait(false) : null;
                }, out ExtraHopProductKey? applied)) continue;
                if (applied != null) WriteObject(applied);
            }
        }
    }
}
