using System;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Firmware;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Uploads a firmware image without installing it (stage now, upgrade later with
    /// Invoke-EHFirmwareUpgrade -UploadedImage). The file is checked first and streamed from disk.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "EHFirmware", SupportsShouldProcess = true)]
    [OutputType(typeof(FirmwareUpload))]
    public sealed class SendEHFirmwareCommand : ExtraHopCmdlet
    {
        private const int ActivityId = 7000;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            FirmwareImageFile image;
            try
            {
                image = FirmwareImageFile.Inspect(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path));
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.InvalidFirmwareImage, ErrorCategory.InvalidArgument, Path));
                return;
            }

            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                string size = UploadProgress.FormatBytes(image.Length);
                if (!ShouldProcessOrExplain(session.Server, $"Upload firmware image {image.FileName} ({size}{(image.Version == null ? string.Empty : ", version " + image.Version)})")) continue;

                var line = new ProgressLine(ActivityId, $"Uploading {image.FileName} to {session.Server}");
                try
                {
                    if (TryRun(session, token => FirmwareApi.UploadAsync(session, image, progress =>
                    {
                        ProgressRecord? record = line.Update(progress.ToString(), progress.Percent);
                        if (record != null)
                        {
                            if (progress.Remaining.HasValue) record.SecondsRemaining = (int)progress.Remaining.Value.TotalSeconds;
                            Post(() => WriteProgress(record));
                        }
                    }, token), out FirmwareUpload upload))
                    {
                        WriteObject(upload);
                    }
                }
                finally
                {
                    WriteProgress(line.Completed());
                }
            }
        }
    }
}
