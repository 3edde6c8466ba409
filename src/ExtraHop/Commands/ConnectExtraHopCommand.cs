using System;
using System.Management.Automation;
using System.Security;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Connects to an appliance (or a RevealX 360 tenant), proves the connection, and returns the session.</summary>
    [Cmdlet(VerbsCommunications.Connect, "ExtraHop", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(ExtraHopSession))]
    public sealed class ConnectExtraHopCommand : ExtraHopCmdlet
    {
        private const string ApiKeySet = "ApiKey";
        private const string CredentialSet = "Credential";
        private const string ClientCredentialSet = "ClientCredential";
        private const string ClientSecretSet = "ClientSecret";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public string Server { get; set; } = string.Empty;

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

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        [Parameter]
        public SwitchParameter NotDefault { get; set; }

        [Parameter]
        [ValidateRange(1, TimeLimits.MaxRequestSeconds)]
        public int TimeoutSec { get; set; } = 100;

        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; } = 3;

        [Parameter]
        [ValidateRange(0, 300)]
        public int RetryIntervalSec { get; set; } = 1;

        protected override void ProcessRecord()
        {
            ConnectRequest request;
            ServerAddress address;
            try
            {
                address = ServerAddress.Parse(Server);
                request = BuildRequest();
            }
            catch (ArgumentException ex)
            {
                WriteFailure(ex, Server);
                return;
            }

            if (address.IgnoredPath != null)
            {
                WriteWarning($"The path '{address.IgnoredPath}' of -Server is not used: the session talks to the REST API at {address.BaseUri}.");
            }

            if (SkipCertificateCheck)
            {
                WriteWarning($"Certificate checks are off for the session to {Server}: anyone on the network path could pose as the appliance and read the credential. Prefer -CertificateThumbprint.");
            }
            WriteVerbose($"Connecting to {Server} ({(request.ApiKey != null ? "API key" : "RevealX 360 client credentials")}, certificate {request.Settings.Tls.Mode.ToString().ToLowerInvariant()}).");

            if (!TryRun(Server, token => ApplianceConnector.ConnectAsync(request, token), out ExtraHopSession session)) return;
            SessionRegistry.Current.Add(session, makeDefault: !NotDefault);
            WriteObject(session);
        }

        private ConnectRequest BuildRequest()
        {
            if (SkipCertificateCheck && CertificateThumbprint != null)
            {
                throw new ArgumentException("Use either -SkipCertificateCheck or -CertificateThumbprint, not both: pinning a certificate only means something when checks are on.");
            }
            if (ProxyCredential != null && Proxy == null)
            {
                throw new ArgumentException("-ProxyCredential needs -Proxy.");
            }

            var settings = new ConnectionSettings
            {
                Tls = SkipCertificateCheck ? TlsPolicy.Skip() : CertificateThumbprint != null ? TlsPolicy.Pin(CertificateThumbprint) : TlsPolicy.Validate(),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                Retry = new RetryPolicy(MaximumRetryCount, TimeSpan.FromSeconds(RetryIntervalSec)),
                Proxy = Proxy,
                ProxyCredentials = ProxyCredential?.GetNetworkCredential(),
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
            };

            var request = new ConnectRequest(Server, settings);
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
                default:
                    request.ApiKey = ApiKey;
                    break;
            }
            return request;
        }
    }
}
