using System;
using System.Collections.Generic;
using System.Management.Automation;
using ExtraHop.Firmware;
using ExtraHop.Models;
using ExtraHop.Sessions;
using ExtraHop.Upgrade;

namespace ExtraHop.Base
{
    /// <summary>
    /// What Invoke-EHFirmwareUpgrade and Get-EHUpgradePlan share: where the firmware comes from (-Path, -Uri,
    /// -Version), which appliances, and what the user knows about the deployment. Each pipeline record adds
    /// targets; the plan is made once all are in. There is deliberately no default parameter set: with one,
    /// PowerShell binds piped rows that carry a Version (or Uri) to the default Path set and fails.
    /// </summary>
    public abstract class UpgradeCommandBase : ExtraHopCmdlet
    {
        protected const string PathSet = "Path";
        protected const string UriSet = "Uri";
        protected const string VersionSet = "Version";
        private readonly Dictionary<string, FirmwareImageFile> inspectedImages = new Dictionary<string, FirmwareImageFile>(StringComparer.OrdinalIgnoreCase);

        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UriSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Uri? Uri { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = VersionSet, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern(@"^\d+(\.\d+){1,3}$")]
        [ArgumentCompleter(typeof(FirmwareVersionCompleter))]
        public string? Version { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        [ValidatePattern(@"^\d+(\.\d+){1,3}$")]
        public string? TargetVersion { get; set; }

        [Parameter]
        [ApplianceNameTransformation]
        [ValidateNotNullOrEmpty]
        public string[]? ManagerNode { get; set; }

        [Parameter]
        public SwitchParameter SkipCompatibilityCheck { get; set; }

        [Parameter]
        public SwitchParameter Reinstall { get; set; }

        /// <summary>Every appliance named so far, with its firmware source; one entry per server (the first row wins).</summary>
        internal List<UpgradeTarget> Targets { get; } = new List<UpgradeTarget>();

        internal PlanOptions PlanOptions()
        {
            var options = new PlanOptions { SkipCompatibilityCheck = SkipCompatibilityCheck, Reinstall = Reinstall };
            foreach (string name in ManagerNode ?? Array.Empty<string>()) options.ManagerNodes.Add(name.Trim());
            return options;
        }

        /// <summary>The source named by this record's parameters, or null (with an error written) when it cannot be used.</summary>
        internal UpgradeSource? SourceOfThisRecord()
        {
            switch (ParameterSetName)
            {
                case PathSet:
                    string resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                    if (!inspectedImages.TryGetValue(resolved, out FirmwareImageFile? image))
                    {
                        try
                        {
                            image = FirmwareImageFile.Inspect(resolved);
                        }
                        catch (ArgumentException ex)
                        {
                            WriteError(new ErrorRecord(ex, ErrorIds.InvalidFirmwareImage, ErrorCategory.InvalidArgument, Path));
                            return null;
                        }
                        inspectedImages[resolved] = image;
                    }
                    return UpgradeSource.FromImage(image, TargetVersion);
                case UriSet:
                    try
                    {
                        return UpgradeSource.FromUri(Uri!, TargetVersion);
                    }
                    catch (ArgumentException ex)
                    {
                        // No target object: the Uri itself may hold a password; the message names it without one.
                        WriteError(new ErrorRecord(ex, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, null));
                        return null;
                    }
                case VersionSet:
                    return UpgradeSource.FromVersion(Version!);
                default:
                    return UpgradeSource.FromUploadedImage(TargetVersion);
            }
        }

        internal void AddTargets(IEnumerable<ExtraHopSession> sessions, UpgradeSource source)
        {
            foreach (ExtraHopSession session in sessions)
            {
                if (Targets.Exists(t => string.Equals(t.Session.Server, session.Server, StringComparison.OrdinalIgnoreCase)))
                {
                    WriteWarning($"{session.Server} is named more than once; it is upgraded once, from its first row.");
                    continue;
                }
                Targets.Add(new UpgradeTarget(session, source));
            }
        }

        internal DeploymentPlan MakePlan(IEnumerable<string> unreachable) =>
            Run(token =>
            {
                PlanOptions options = PlanOptions();
                foreach (string server in unreachable) options.Unreachable.Add(server);
                return DeploymentPlanner.PlanAsync(Targets, options, token);
            });
    }
}
