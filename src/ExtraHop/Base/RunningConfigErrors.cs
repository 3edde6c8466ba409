using System.Management.Automation;
using ExtraHop.Api;

namespace ExtraHop.Base
{
    /// <summary>Error records for running-config input the module refused before changing anything.</summary>
    internal static class RunningConfigErrors
    {
        public static ErrorRecord Refused(RunningConfigRefusedException refused, object? target)
        {
            switch (refused.Refusal)
            {
                case RunningConfigRefusal.SectionNotFound:
                    return new ErrorRecord(refused, ErrorIds.RunningConfigSectionNotFound, ErrorCategory.ObjectNotFound, target);
                case RunningConfigRefusal.NotJson:
                    return new ErrorRecord(refused, ErrorIds.RunningConfigNotJson, ErrorCategory.InvalidData, target);
                case RunningConfigRefusal.NotObject:
                    return new ErrorRecord(refused, ErrorIds.RunningConfigNotObject, ErrorCategory.InvalidData, target);
                case RunningConfigRefusal.FileNotFound:
                    return new ErrorRecord(refused, ErrorIds.RunningConfigFileNotFound, ErrorCategory.ObjectNotFound, target);
                case RunningConfigRefusal.FolderNotFound:
                    return new ErrorRecord(refused, ErrorIds.BackupFolderNotFound, ErrorCategory.ObjectNotFound, target);
                default:
                    return new ErrorRecord(refused, ErrorIds.BackupFolderNotWritable, ErrorCategory.PermissionDenied, target);
            }
        }
    }
}
