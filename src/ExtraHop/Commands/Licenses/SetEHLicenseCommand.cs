using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Licensing;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Applies a license file to appliances (PUT /license) and follows the registration job the appliance starts, so
    /// the command ends when the license is in effect. The file is read and checked once, before anything is sent: an
    /// empty file or one that is no license is refused with its own ErrorId.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EHLicense", SupportsShouldProcess = true)]
    [OutputType(typeof(ExtraHopLicense))]
    public sealed class SetEHLicenseCommand : JobFollowingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            ExtraHopSession[] sessions = ResolveSessions(Session);
            if (!TryPrepare(Path, () => LicenseText.Read(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path)), out LicenseText license)) return;

            foreach (ExtraHopSession session in sessions)
            {
                if (!ShouldProcessOrExplain(session.Server, $"Apply and register the license in {System.IO.Path.GetFileName(Path)}")) continue;
                if (!TryRunWithJob(session.Server, async token =>
                {
                    ExtraHopJob? job = await LicenseApi.ApplyAsync(session, license, token).ConfigureAwait(false);
                    if (job != null) await FollowAsync(job, "Registering the license", token).ConfigureAwait(false);
                    return PassThru ? await LicenseApi.GetAsync(session, token).ConfigureAwait(false) : null;
                }, out ExtraHopLicense? applied)) continue;
                if (applied != null) WriteObject(applied);
            }
        }
    }
}
