using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>The product key of appliances connected to a console (GET /appliances/{id}/productkey, consoles only).</summary>
    [Cmdlet(VerbsCommon.Get, "EHApplianceProductKey")]
    [OutputType(typeof(ExtraHopApplianceProductKey))]
    public sealed class GetEHApplianceProductKeyCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                foreach (long id in Id)
                {
                    if (TryRun(id, token => ApplianceApi.GetProductKeysAsync(session, id, token), out var keys)) WriteObject(keys, enumerateCollection: true);
                }
            }
        }
    }
}
