using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>Gets the product key applied to each appliance.</summary>
    [Cmdlet(VerbsCommon.Get, "EHProductKey")]
    [OutputType(typeof(ExtraHopProductKey))]
    public sealed class GetEHProductKeyCommand : ExtraHopCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord() => WriteFromEachSession(Session, LicenseApi.GetProductKeyAsync);
    }
}
