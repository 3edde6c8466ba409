using System;
using System.IO;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Uploads a support pack file from ExtraHop Support (configuration adjustments, .expk) and runs it on appliances
    /// (firmware 9.9 and later), waits for each run, and returns the pack file it made.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "EHSupportPack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ExtraHopSupportPack))]
    public sealed class InvokeEHSupportPackCommand : SupportPackRunCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            string file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var info = new FileInfo(file);
            if (!info.Exists || info.Length == 0)
            {
                string why = Directory.Exists(file) ? "is a folder" : info.Exists ? "is empty" : "does not exist";
                WriteError(new ErrorRecord(new ArgumentException($"The support pack file '{file}' {why}; give the .expk file ExtraHop Support sent. Nothing was sent."),
                    ErrorIds.InvalidSupportPackFile, ErrorCategory.InvalidArgument, Path));
                return;
            }

            foreach (var session in ResolveSessions(Session))
            {
                // Before the confirmation: a 9.0 appliance cannot do this, whatever the user would answer.
                try
                {
                    FirmwareFeature.SupportPackUpload.RefuseOnGuideThatLacksIt(session, "POST", "/supportpacks");
                }
                catch (ExtraHopApiException ex)
                {
                    WriteFailure(ex, session);
                    continue;
                }
                if (!ShouldProcessUnlessForced(Force, session.Server, $"Upload and run support pack {info.Name} ({info.Length} bytes)")) continue;
                RunOn(session, "support pack " + info.Name, token => SupportPackApi.StartUploadedAsync(session, file, token));
            }
        }
    }
}
