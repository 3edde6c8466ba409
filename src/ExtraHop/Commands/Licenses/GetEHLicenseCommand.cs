using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Gets the license of each appliance: edition, serial, expiry and days left, enabled modules and options.</summary>
    [Cmdlet(VerbsCommon.Get, "EHLicense")]
    [OutputType(typeof(ExtraHopLicense))]
    public sealed class GetEHLicenseCommand : ExtraHopCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord() => WriteFromEachSession(Session, LicenseApi.GetAsync);
    }
}
