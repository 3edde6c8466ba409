using System;
using System.Collections.Generic;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.RunningConfig;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Lists the differences between two running configs, one object per value: by default an appliance's running
    /// config against its saved copy (is anything unsaved?); or against a file (-ReferencePath, such as a backup) or
    /// another appliance (-ReferenceSession). The compared side is the running config of -Session, its saved copy
    /// (-Saved), or a file (-Path). Secret values are masked.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "EHRunningConfig", DefaultParameterSetName = SavedSet)]
    [OutputType(typeof(RunningConfigDifference))]
    public sealed class CompareEHRunningConfigCommand : ExtraHopCmdlet
    {
        private const string SavedSet = "Saved";
        private const string FileSet = "ReferencePath";
        private const string ApplianceSet = "ReferenceSession";

        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string? ReferencePath { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ApplianceSet)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? ReferenceSession { get; set; }

        [Parameter(ParameterSetName = ApplianceSet)]
        public SwitchParameter ReferenceSaved { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = ApplianceSet)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = ApplianceSet)]
        public SwitchParameter Saved { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPrepare(ReferencePath ?? Path ?? "running config", PrepareFiles, out (ConfigDocument? Reference, ConfigDocument? Difference) files)) return;
            ExtraHopSession? referenceSession = ParameterSetName == ApplianceSet ? ResolveSessions(ReferenceSession)[0] : null;

            if (files.Difference != null)
            {
                // A file on the compared side: no appliance but the reference one is asked.
                if (files.Reference != null) WriteDifferences(ConfigComparer.Compare(files.Reference, files.Difference));
                else if (TryRun(Path, token => RunningConfigApi.ReadAsync(referenceSession!, ReferenceSaved, token), out ConfigDocument reference)) WriteDifferences(ConfigComparer.Compare(reference, files.Difference));
                return;
            }

            WriteFromEachSession(Session, async (session, token) =>
            {
                // The reference when no file is: the other appliance's config, or by default the same appliance's saved copy.
                ConfigDocument reference = files.Reference
                    ?? await RunningConfigApi.ReadAsync(referenceSession ?? session, referenceSession != null ? ReferenceSaved.IsPresent : true, token).ConfigureAwait(false);
                ConfigDocument compared = await RunningConfigApi.ReadAsync(session, Saved, token).ConfigureAwait(false);
                List<RunningConfigDifference> differences = ConfigComparer.Compare(reference, compared);
                Post(() => WriteVerbose($"{compared.Source} against {reference.Source}: {differences.Count} difference(s)."));
                return differences;
            });
        }

        /// <summary>The files named, read before any appliance is asked; a file on the compared side takes the place of -Session.</summary>
        private (ConfigDocument?, ConfigDocument?) PrepareFiles()
        {
            if (Path != null && (Saved || MyInvocation.BoundParameters.ContainsKey(nameof(Session))))
            {
                throw new ArgumentException("-Path compares a file: give either -Path, or -Session (with -Saved for the saved copy), not both.");
            }
            if (ParameterSetName == ApplianceSet && (ReferenceSession == null || ReferenceSession.Length != 1 || ReferenceSession[0] == null))
            {
                throw new ArgumentException("-ReferenceSession takes one appliance to compare against.");
            }
            ConfigDocument? reference = ReferencePath == null ? null : RunningConfigArgument.FromPath(this, ReferencePath);
            ConfigDocument? difference = Path == null ? null : RunningConfigArgument.FromPath(this, Path);
            return (reference, difference);
        }

        private void WriteDifferences(List<RunningConfigDifference> differences) => WriteObject(differences, enumerateCollection: true);
    }
}
