using System;
using System.Management.Automation;
using System.Security;
using ExtraHop.Api;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Connects to an appliance (or a RevealX 360 tenant), proves the connection, and returns the session.</summary>
    [Cmdlet(VerbsCommunications.Connect, "ExtraHop", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(ExtraHopSession))]
    public sealed class ConnectExtraHopCommand : ConnectionCmdlet
    {
        private const string ApiKeySet = "ApiKey";
        private const string CredentialSet = "Credential";
        private const string ClientCredentialSet = "ClientCredential";
        private const string ClientSecretSet = "ClientSecret";
        private const string SetupPasswordSet = "SetupPassword";

        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet, ValueFromPipelineByPropertyName = true)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ClientCredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? ClientCredential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? ClientSecret { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SetupPasswordSet)]
        public object? SetupPassword { get; set; }

        [Parameter]
        public SwitchParameter NotDefault { get; set; }

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; } = 3;

        [Parameter]
        [ValidateRange(0, 300)]
        public int RetryIntervalSec { get; set; } = 1;

        protected override void ProcessRecord()
        {
            if (!TryPrepare(Server, () => ServerAddress.Parse(Server), out ServerAddress address)) return;
            if (!TryPrepare(Server, BuildRequest, out ConnectRequest request)) return;
            WarnIfServerPathIgnored(address);
            WarnIfCertificateChecksAreOff();
            WriteVerbose($"Connecting to {Server} ({Describe(request)}, certificate {request.Settings.Tls.Mode.ToString().ToLowerInvariant()}).");

            if (!TryRun(Server, token => ApplianceConnector.ConnectAsync(request, token), out ExtraHopSession session)) return;
            SessionRegistry.Current.Add(session, makeDefault: !NotDefault);
            WriteObject(session);
        }

        private ConnectRequest BuildRequest()
        {
            var request = new ConnectRequest(Server, BuildSettings(new RetryPolicy(MaximumRetryCount, TimeSpan.FromSeconds(RetryIntervalSec))));
            switch (ParameterSetName)
            {
                case CredentialSet:
                    request.ApiKey = Credential!.Password;
                    break;
                case ClientCredentialSet:
                    request.ClientId = ClientCredential!.UserName;
                    request.ClientSecret = ClientCredential.Password;
                    break;
                case ClientSecretSet:
                    request.ClientId = ClientId;
                    request.ClientSecret = ClientSecret;
                    break;
                case SetupPasswordSet:
                    request.SetupPassword = PasswordArgument.Read(SetupPassword, nameof(SetupPassword));
                    break;
                default:
                    request.ApiKey = ApiKey;
                    break;
            }
            return request;
        }

        private static string Describe(ConnectRequest request) =>
            request.SetupPassword != null ? "the setup password, for a new API key of the setup user"
            : request.ApiKey != null ? "API key"
            : "RevealX 360 client credentials";
    }
}
