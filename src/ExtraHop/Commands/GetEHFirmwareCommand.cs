using System.Collections.Generic;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>The firmware an appliance runs, the releases it can take, or its rollback image.</summary>
    [Cmdlet(VerbsCommon.Get, "EHFirmware", DefaultParameterSetName = RunningSet)]
    [OutputType(typeof(FirmwareInfo), ParameterSetName = new[] { RunningSet, PreviousSet })]
    [OutputType(typeof(FirmwareRelease), ParameterSetName = new[] { AvailableSet })]
    public sealed class GetEHFirmwareCommand : ExtraHopCmdlet
    {
        private const string RunningSet = "Running";
        private const string AvailableSet = "Available";
        private const string PreviousSet = "Previous";

        [Parameter(Mandatory = true, ParameterSetName = AvailableSet)]
        public SwitchParameter Available { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PreviousSet)]
        public SwitchParameter Previous { get; set; }

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                switch (ParameterSetName)
                {
                    case AvailableSet:
                        if (TryRun(session, token => FirmwareApi.GetAvailableAsync(session, token), out List<FirmwareRelease> releases)) WriteObject(releases, enumerateCollection: true);
                        break;
                    case PreviousSet:
                        if (TryRun(session, token => FirmwareApi.GetPreviousAsync(session, token), out FirmwareInfo previous)) WriteObject(previous);
                        break;
                    default:
                        if (TryRun(session, token => FirmwareApi.GetRunningAsync(session, token), out FirmwareInfo running)) WriteObject(running);
                        break;
                }
            }
        }
    }
}
