using System;
using System.Management.Automation;
using System.Net;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Downloads;
using ExtraHop.Models;
using ExtraHop.Packets;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Searches an appliance's stored packets (a packetstore, or a sensor with packet capture) for a time window and
    /// a filter, and streams what matched to a file: pcap, pcapng, or zip with session keys. Needs the packets
    /// privilege (full_with_keys for session keys).
    /// </summary>
    [Cmdlet(VerbsData.Save, "EHPacket", SupportsShouldProcess = true)]
    [OutputType(typeof(ExtraHopPacketCapture))]
    public sealed class SaveEHPacketCommand : DownloadCmdlet
    {
        private const int ActivityId = 7320;

        [Parameter(Mandatory = true)]
        [PointInTimeTransformation]
        public DateTime From { get; set; }

        /// <summary>Now when omitted.</summary>
        [Parameter]
        [PointInTimeTransformation]
        public DateTime Until { get; set; }

        /// <summary>A Berkeley packet filter, as tcpdump takes it: 'host 10.1.1.5 and port 443'.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        /// <summary>Packets to or from this address (the API's ip1).</summary>
        [Parameter]
        [ValidateNotNull]
        public IPAddress? IPAddress { get; set; }

        /// <summary>Packets to or from this port (the API's port1); with -IPAddress, that address's port.</summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        /// <summary>The other end of the conversation (the API's ip2).</summary>
        [Parameter]
        [ValidateNotNull]
        public IPAddress? PeerIPAddress { get; set; }

        /// <summary>The other end's port (the API's port2).</summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int PeerPort { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CaptureFormatCompleter))]
        public string Format { get; set; } = "pcap";

        /// <summary>Stop the search once this many bytes are found; what was found is still saved.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long LimitBytes { get; set; }

        /// <summary>Stop the search after this long ('30s', '5m', a TimeSpan); what was found is still saved.</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan LimitSearchDuration { get; set; }

        /// <summary>The file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Write an empty capture even when no packet matched.</summary>
        [Parameter]
        public SwitchParameter AllowEmpty { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            ExtraHopSession[] sessions = ResolveSessions(Session);
            if (sessions.Length > 1)
            {
                WriteFailure(new ArgumentException("-Path names one file: give one session (run Save-EHPacket once per appliance)."), Path);
                return;
            }
            ExtraHopSession session = sessions[0];
            string target = FileSystemPath(Path);

            if (!TryPrepare(Path, Search, out PacketSearch search)) return;
            if (!CheckDestination(target, Path)) return;
            if (Given(nameof(LimitSearchDuration)) && LimitSearchDuration <= TimeSpan.Zero)
            {
                WriteFailure(new ArgumentException("-LimitSearchDuration must be longer than zero."), Path);
                return;
            }
            if (!ShouldProcessOrExplain(target, $"Save the {search.Format} of packets from {session.Server} between {search.From.LocalDateTime:u} and {search.Until.LocalDateTime:u}")) return;

            var line = new ProgressLine(ActivityId, $"Saving packets from {session.Server} to {System.IO.Path.GetFileName(target)}");
            try
            {
                if (!TryDownload(Path, async token =>
                {
                    using (DownloadFile file = DownloadFile.Open(target, Force, resume: false)!)
                    {
                        return await PacketApi.SaveAsync(session, search, file, ProgressOf(line), token).ConfigureAwait(false);
                    }
                }, out ExtraHopPacketCapture capture)) return;

                if (!capture.Matched)
                {
                    WriteWarning($"{session.Server}: no packets matched between {search.From.LocalDateTime:u} and {search.Until.LocalDateTime:u}"
                        + (capture.Path == null ? "; no file was written." : $"; '{capture.Path}' holds an empty capture."));
                }
                else if (capture.LimitReached != null)
                {
                    WriteWarning($"{session.Server}: the search stopped at its limit ({capture.LimitReached}); '{capture.Path}' holds the packets found until then, maybe not all that match. "
                        + "Narrow the window or the filter, or raise -LimitBytes / -LimitSearchDuration.");
                }
                WriteObject(capture);
            }
            finally
            {
                WriteProgress(line.Completed());
            }
        }

        private bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        /// <summary>The search as the client sends it, checked (a window that cannot hold packets is refused before anything is sent).</summary>
        private PacketSearch Search()
        {
            string format = Format.ToLowerInvariant();
            if (System.Array.IndexOf(CaptureFormatCompleter.Formats, format) < 0)
            {
                throw new ArgumentException($"-Format '{Format}' is not one of {string.Join(", ", CaptureFormatCompleter.Formats)}.");
            }
            DateTimeOffset now = DateTimeOffset.Now;
            var search = new PacketSearch
            {
                From = new DateTimeOffset(From),
                Until = Given(nameof(Until)) ? new DateTimeOffset(Until) : now,
                Filter = Filter,
                Address = IPAddress,
                Port = Given(nameof(Port)) ? Port : (int?)null,
                PeerAddress = PeerIPAddress,
                PeerPort = Given(nameof(PeerPort)) ? PeerPort : (int?)null,
                Format = format,
                LimitBytes = Given(nameof(LimitBytes)) ? LimitBytes : (long?)null,
                LimitSearchDuration = Given(nameof(LimitSearchDuration)) ? LimitSearchDuration : (TimeSpan?)null,
                AlwaysReturnBody = AllowEmpty,
            };
            search.Check(now);
            return search;
        }
    }
}
