using System;
using System.Management.Automation;
using ExtraHop.Http;
using ExtraHop.Sessions;

namespace ExtraHop.Base
{
    /// <summary>
    /// The parameters that say how to reach an appliance (address, certificate, proxy, timeout), for the cmdlets that
    /// open their own connection instead of using a session: Connect-ExtraHop, and New-EHApiKey, which talks to a new
    /// appliance before any session can exist.
    /// </summary>
    public abstract class ConnectionCmdlet : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public string Server { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

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

        /// <summary>The connection settings the parameters describe; an ArgumentException for combinations that make no sense.</summary>
        private protected ConnectionSettings BuildSettings(RetryPolicy retry)
        {
            if (SkipCertificateCheck && CertificateThumbprint != null)
            {
                throw new ArgumentException("Use either -SkipCertificateCheck or -CertificateThumbprint, not both: pinning a certificate only means something when checks are on.");
            }
            if (ProxyCredential != null && Proxy == null)
            {
                throw new ArgumentException("-ProxyCredential needs -Proxy.");
            }

            return new ConnectionSettings
            {
                Tls = SkipCertificateCheck ? TlsPolicy.Skip() : CertificateThumbprint != null ? TlsPolicy.Pin(CertificateThumbprint) : TlsPolicy.Validate(),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                Retry = retry,
                Proxy = Proxy,
                ProxyCredentials = ProxyCredential?.GetNetworkCredential(),
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
            };
        }

        /// <summary>
        /// Says what of -Server is not used: a session always talks to the REST API at /api/v1, so a path users paste
        /// from the browser (a page of the web interface) is dropped, and they should know.
        /// </summary>
        private protected void WarnIfServerPathIgnored(ServerAddress address)
        {
            if (address.IgnoredPath != null)
            {
                WriteWarning($"The path '{address.IgnoredPath}' of -Server is not used: the session talks to the REST API at {address.BaseUri}.");
            }
        }

        /// <summary>Says, once per connection, that turning certificate checks off exposes the credential.</summary>
        protected void WarnIfCertificateChecksAreOff()
        {
            if (SkipCertificateCheck)
            {
                WriteWarning($"Certificate checks are off for the connection to {Server}: anyone on the network path could pose as the appliance and read the credential. Prefer -CertificateThumbprint.");
            }
        }
    }
}
