using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Changes an appliance's ExtraHop Cloud Services settings (POST /appliances/0/cloudservices, firmware 9.9 and
    /// later). The API's only action is to unenroll, so that is the only change offered: enrolling is done with a
    /// product key in the appliance's Administration settings.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EHCloudService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ExtraHopCloudService))]
    public sealed class SetEHCloudServiceCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true)]
        public SwitchParameter Unenroll { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (!Unenroll)
            {
                WriteError(new ErrorRecord(new System.ArgumentException("-Unenroll:$false asks for no change: the REST API can only unenroll an appliance from ExtraHop Cloud Services. Nothing was sent."),
                    ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, null));
                return;
            }
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!ShouldProcessUnlessForced(Force, session.Server, "Unenroll from ExtraHop Cloud Services (cloud firmware downloads and cloud-based detection stop until it is enrolled again)")) continue;
                ChangeThenPassThru(session,
                    token => CloudServiceApi.UnenrollAsync(session, token),
                    PassThru,
                    token => CloudServiceApi.GetAsync(session, token));
            }
        }
    }
}
