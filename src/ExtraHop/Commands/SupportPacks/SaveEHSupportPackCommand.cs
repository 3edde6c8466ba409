using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Downloads;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Downloads support pack files by name into a folder, streaming to disk with progress. Each file is written
    /// under a ".partial" name and renamed when complete; a partial file left by an interrupted download is resumed.
    /// </summary>
    [Cmdlet(VerbsData.Save, "EHSupportPack", SupportsShouldProcess = true)]
    [OutputType(typeof(ExtraHopDownload))]
    public sealed class SaveEHSupportPackCommand : DownloadCmdlet
    {
        private const int ActivityId = 7310;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] FileName { get; set; } = new string[0];

        /// <summary>The folder to save into; the current one when omitted.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = ".";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            string folder = FileSystemPath(Destination);
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                foreach (string name in FileName)
                {
                    // The appliance's name must stay a name in the folder, never a path out of it.
                    if (name.IndexOfAny(new[] { '/', '\\' }) >= 0 || name == "." || name == ".." || name.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0)
                    {
                        WriteFailure(new System.ArgumentException($"'{name}' is not a support pack file name."), name);
                        continue;
                    }
                    string target = System.IO.Path.Combine(folder, name);
                    if (!CheckDestination(target, name)) continue;
                    if (!ShouldProcessOrExplain(target, $"Save support pack {name} from {session.Server}")) continue;

                    var line = new ProgressLine(ActivityId, $"Saving {name} from {session.Server}");
                    try
                    {
                        if (TryDownload(name, async token =>
                        {
                            using (DownloadFile file = DownloadFile.Open(target, Force, resume: true)!)
                            {
                                return await SupportPackApi.DownloadAsync(session, name, file, ProgressOf(line), token).ConfigureAwait(false);
                            }
                        }, out ExtraHopDownload saved))
                        {
                            if (saved.ResumedBytes > 0) WriteVerbose($"{session.Server}: {name}: resumed after {saved.ResumedBytes} bytes already saved.");
                            WriteObject(saved);
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
}
