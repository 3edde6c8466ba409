using System;
using System.IO;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Certificates;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Has appliances make a key and a certificate signing request for it (POST /extrahop/sslcert/signingrequest) and
    /// writes the request (PEM) to the pipeline or to a file, for a certificate authority to sign. The key stays on the
    /// appliance; nothing secret passes through the module.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "EHCertificateSigningRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(string))]
    public sealed class NewEHCertificateSigningRequestCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string CommonName { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] DnsName { get; set; } = new string[0];

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] IPAddress { get; set; } = new string[0];

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OrganizationalUnit { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Locality { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? State { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Country { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EmailAddress { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            ExtraHopSession[] sessions = ResolveSessions(Session);
            if (!TryPrepare(CommonName, () => Prepare(sessions), out SigningRequestFields fields)) return;
            string? file = OutFile == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);

            foreach (ExtraHopSession session in sessions)
            {
                if (!ShouldProcessOrExplain(session.Server, $"Create a key and a certificate signing request for CN={CommonName}")) continue;
                if (!TryRun(session.Server, token => CertificateApi.CreateSigningRequestAsync(session, fields, token), out string pem)) continue;
                if (file == null)
                {
                    WriteObject(pem);
                    continue;
                }
                try
                {
                    File.WriteAllText(file, pem);
                    WriteVerbose($"{session.Server}: certificate signing request written to {file}.");
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    WriteError(new ErrorRecord(ex, ErrorIds.InvalidArgument, ErrorCategory.WriteError, file));
                }
            }
        }

        private SigningRequestFields Prepare(ExtraHopSession[] sessions)
        {
            if (OutFile != null && sessions.Length > 1)
            {
                throw new ArgumentException($"-OutFile names one file, but {sessions.Length} sessions were given: each appliance makes its own request. Run the command once per appliance, or leave -OutFile out.");
            }
            var fields = new SigningRequestFields
            {
                CommonName = CommonName,
                CountryCode = Country,
                EmailAddress = EmailAddress,
                Locality = Locality,
                Organization = Organization,
                OrganizationalUnit = OrganizationalUnit,
                State = State,
                DnsNames = DnsName,
                IPAddresses = IPAddress,
            };
            fields.Validate();
            return fields;
        }
    }
}
