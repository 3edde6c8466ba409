using System;
using System.Management.Automation;
using System.Security;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Connects a remote appliance to the session's appliance (POST /appliances), proving the right to do so with the
    /// remote appliance's setup password (-Credential) or a pairing token. Add/Remove, because Connect/Disconnect
    /// already name the module's sessions (Connect-ExtraHop) and the console gains or loses an item in its list.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "EHAppliance", SupportsShouldProcess = true, DefaultParameterSetName = SetupPasswordSet)]
    [OutputType(typeof(ExtraHopAppliance))]
    public sealed class AddEHApplianceCommand : ExtraHopCmdlet
    {
        private const string SetupPasswordSet = "SetupPassword";
        private const string PairingTokenSet = "PairingToken";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Host")]
        [ValidateNotNullOrEmpty]
        public string Hostname { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ApplianceRole Type { get; set; } = ApplianceRole.Sensor;

        /// <summary>The remote appliance's setup user; only its password is sent.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SetupPasswordSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PairingTokenSet)]
        [ValidateNotNull]
        public SecureString? PairingToken { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidatePattern("^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$")]
        public string? Fingerprint { get; set; }

        [Parameter]
        public bool DataAccess { get; set; } = true;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Nickname { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RemoteNickname { get; set; }

        [Parameter]
        public SwitchParameter ResetConfiguration { get; set; }

        [Parameter]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPrepare(Hostname, () => WireType(Type), out string remoteType)) return;
            var request = new NewApplianceRequest(Hostname.Trim(), remoteType)
            {
                DataAccess = DataAccess,
                Fingerprint = Fingerprint?.Replace(":", string.Empty),
                LocalNickname = Nickname,
                RemoteNickname = RemoteNickname,
                ResetConfiguration = ResetConfiguration,
                SetupPassword = Credential?.Password,
                PairingToken = PairingToken,
            };
            string reset = ResetConfiguration ? "; the remote appliance's configuration is reset" : string.Empty;
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!ShouldProcess(session.Server, $"Connect {Type.ToString().ToLowerInvariant()} {request.Host}{(DataAccess ? " with data access" : " without data access")}{reset}")) continue;
                if (!TryRun(Hostname, token => ApplianceApi.ConnectAsync(session, request, token), out ExtraHopAppliance? added)) continue;
                if (added != null) WriteObject(added);
                else WriteWarning($"{session.Server} accepted the connection to {request.Host} but does not list it yet; run Get-EHAppliance -Session '{session.Server}' in a moment.");
            }
        }

        /// <summary>The API's words for the remote role (remote_appliance_type); Unknown names no role and is refused.</summary>
        private static string WireType(ApplianceRole type)
        {
            switch (type)
            {
                case ApplianceRole.Console: return "command";
                case ApplianceRole.Sensor: return "discover";
                case ApplianceRole.Recordstore: return "explore";
                case ApplianceRole.Packetstore: return "trace";
                default: throw new ArgumentException("-Type must be Console, Sensor, Recordstore or Packetstore. Nothing was sent.", nameof(Type));
            }
        }
    }
}
