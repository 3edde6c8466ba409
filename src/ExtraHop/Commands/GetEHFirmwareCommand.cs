using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>The firmware an appliance runs, the releases it can take, its rollback image, or (on a console) the releases its connected appliances can take.</summary>
    [Cmdlet(VerbsCommon.Get, "EHFirmware", DefaultParameterSetName = RunningSet)]
    [OutputType(typeof(FirmwareInfo), ParameterSetName = new[] { RunningSet, PreviousSet })]
    [OutputType(typeof(FirmwareRelease), ParameterSetName = new[] { AvailableSet, RemoteSet })]
    public sealed class GetEHFirmwareCommand : ExtraHopCmdlet
    {
        private const string RunningSet = "Running";
        private const string AvailableSet = "Available";
        private const string PreviousSet = "Previous";
        private const string RemoteSet = "Remote";

        [Parameter(Mandatory = true, ParameterSetName = AvailableSet)]
        public SwitchParameter Available { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PreviousSet)]
        public SwitchParameter Previous { get; set; }

        /// <summary>GET /appliances/firmware/next on a console: what its connected appliances can take from ExtraHop Cloud Services.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RemoteSet)]
        public SwitchParameter Remote { get; set; }

        /// <summary>With -Remote: only these connected appliances (ids from Get-EHAppliance); all of them when omitted.</summary>
        [Parameter(ParameterSetName = RemoteSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[]? ApplianceId { get; set; }

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case AvailableSet:
                    WriteFromEachSession(Session, async (session, token) =>
                    {
                        var releases = await FirmwareApi.GetAvailableAsync(session, token).ConfigureAwait(false);
                        if (releases.Count == 0) Post(() => SayNothingNewer(session));
                        return releases;
                    });
                    break;
                case RemoteSet:
                    WriteFromEachSession(Session, (session, token) => ApplianceFirmwareApi.GetNextAsync(session, ApplianceId, token));
                    break;
                case PreviousSet:
                    WriteFromEachSession(Session, FirmwareApi.GetPreviousAsync);
                    break;
                default:
                    WriteFromEachSession(Session, FirmwareApi.GetRunningAsync);
                    break;
            }
        }

        /// <summary>An empty list would print nothing at all; say it, as Write-Host would (shown, and kept in the information stream).</summary>
        private void SayNothingNewer(ExtraHopSession session) =>
            WriteInformation(new HostInformationMessage { Message = $"{session.Server}: no newer firmware is available from ExtraHop Cloud Services." }, new[] { "PSHOST" });
    }
}
