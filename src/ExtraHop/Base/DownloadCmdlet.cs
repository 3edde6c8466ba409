using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Downloads;
using ExtraHop.Firmware;
using ExtraHop.Packets;

namespace ExtraHop.Base
{
    /// <summary>
    /// What the cmdlets that save an appliance's bytes to disk share (Save-EHSupportPack, Save-EHPacket): -Force,
    /// byte progress, and running a download so that each way it can fail is an error for that item only.
    /// </summary>
    public abstract class DownloadCmdlet : ExtraHopCmdlet
    {
        /// <summary>Replace a file of the same name.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>A provider path (relative, ~, PSDrive) as the file system path .NET needs.</summary>
        internal string FileSystemPath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>
        /// The checks that need no file to be made (the folder exists, the file does not unless -Force), so that bad
        /// input is refused even under -WhatIf, before anything is sent or written. False after writing the error.
        /// </summary>
        internal bool CheckDestination(string finalPath, object target)
        {
            try
            {
                using (DownloadFile.Open(finalPath, Force, resume: true, create: false)) { }
                return true;
            }
            catch (DownloadRefusedException ex)
            {
                WriteFailure(ex, target);
                return false;
            }
        }

        /// <summary>Runs one download; a failure of it (the appliance's, the disk's, the destination's) is written as an error and the cmdlet goes on.</summary>
        internal bool TryDownload<T>(object target, Func<CancellationToken, Task<T>> work, out T result)
        {
            try
            {
                result = Run(work);
                return true;
            }
            catch (Exception ex) when (ex is ExtraHopApiException || ex is DownloadRefusedException || ex is DownloadInterruptedException
                || ex is PacketSearchRefusedException || ex is ArgumentException || ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteFailure(ex, target);
                result = default!;
                return false;
            }
        }

        /// <summary>A byte-progress callback for the client that posts a throttled record of <paramref name="line"/> to the pipeline thread.</summary>
        internal Action<long, long?> ProgressOf(ProgressLine line) => (bytes, total) =>
        {
            string status = total.HasValue
                ? $"{UploadProgress.FormatBytes(bytes)} of {UploadProgress.FormatBytes(total.Value)}"
                : UploadProgress.FormatBytes(bytes);
            ProgressRecord? record = line.Update(status, total.HasValue && total.Value > 0 ? (int)(bytes * 100 / total.Value) : -1);
            if (record != null) Post(() => WriteProgress(record));
        };
    }
}
