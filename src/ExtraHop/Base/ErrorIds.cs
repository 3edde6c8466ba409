namespace ExtraHop.Base
{
    /// <summary>The stable ErrorIds scripts may test for ($_.FullyQualifiedErrorId starts with one of these).</summary>
    internal static class ErrorIds
    {
        public const string AuthenticationFailed = "ExtraHop.AuthenticationFailed";
        public const string PermissionDenied = "ExtraHop.PermissionDenied";
        public const string NotFound = "ExtraHop.NotFound";
        public const string BadRequest = "ExtraHop.BadRequest";
        public const string Conflict = "ExtraHop.Conflict";
        public const string RateLimited = "ExtraHop.RateLimited";
        public const string ServerError = "ExtraHop.ServerError";
        public const string HttpError = "ExtraHop.HttpError";
        public const string CertificateUntrusted = "ExtraHop.CertificateUntrusted";
        public const string ConnectionFailed = "ExtraHop.ConnectionFailed";
        public const string Timeout = "ExtraHop.Timeout";
        public const string InsecureRedirect = "ExtraHop.InsecureRedirect";
        public const string InvalidResponse = "ExtraHop.InvalidResponse";
        public const string InvalidArgument = "ExtraHop.InvalidArgument";
        public const string NoDefaultSession = "ExtraHop.NoDefaultSession";
        public const string NoSession = "ExtraHop.NoSession";
        public const string SessionClosed = "ExtraHop.SessionClosed";
        public const string JobFailed = "ExtraHop.JobFailed";
        public const string JobTimedOut = "ExtraHop.JobTimedOut";
        public const string WaitTimedOut = "ExtraHop.WaitTimedOut";
        public const string UpgradeFailed = "ExtraHop.UpgradeFailed";
        public const string UpgradeTimedOut = "ExtraHop.UpgradeTimedOut";
        public const string UpgradeSkipped = "ExtraHop.UpgradeSkipped";
        public const string UpgradePlanRefused = "ExtraHop.UpgradePlanRefused";
        public const string IngestNotRestored = "ExtraHop.IngestNotRestored";
        public const string ClusterIngestUnsupported = "ExtraHop.ClusterIngestUnsupported";
        public const string InvalidFirmwareImage = "ExtraHop.InvalidFirmwareImage";
        public const string ConfirmationRequired = "ExtraHop.ConfirmationRequired";
        public const string PlainTextPassword = "ExtraHop.PlainTextPassword";
        public const string InvalidPrivilege = "ExtraHop.InvalidPrivilege";
        public const string UserExists = "ExtraHop.UserExists";
        public const string ProtectedAccount = "ExtraHop.ProtectedAccount";
        public const string InvalidTransferTarget = "ExtraHop.InvalidTransferTarget";
        public const string NotSupportedByFirmware = "ExtraHop.NotSupportedByFirmware";
        public const string InvalidApiPath = "ExtraHop.InvalidApiPath";
        public const string InvalidBody = "ExtraHop.InvalidBody";
        public const string UnknownProcess = "ExtraHop.UnknownProcess";
        public const string UnknownService = "ExtraHop.UnknownService";
        public const string InvalidUrlTemplate = "ExtraHop.InvalidUrlTemplate";
        public const string RestartTimedOut = "ExtraHop.RestartTimedOut";
        public const string RestartVersionChanged = "ExtraHop.RestartVersionChanged";
        public const string ConsoleOnly = "ExtraHop.ConsoleOnly";
        public const string NotIdsSensor = "ExtraHop.NotIdsSensor";
        public const string LocalAppliance = "ExtraHop.LocalAppliance";
        public const string RemoteJobFailed = "ExtraHop.RemoteJobFailed";
        public const string EmptyLicenseFile = "ExtraHop.EmptyLicenseFile";
        public const string InvalidLicenseFile = "ExtraHop.InvalidLicenseFile";
        public const string InvalidProductKey = "ExtraHop.InvalidProductKey";
        public const string CertificateKeyMissing = "ExtraHop.CertificateKeyMissing";
        public const string CertificateKeyMismatch = "ExtraHop.CertificateKeyMismatch";
        public const string InvalidPfxPassword = "ExtraHop.InvalidPfxPassword";
        public const string InvalidCertificate = "ExtraHop.InvalidCertificate";
        public const string DestinationNotFound = "ExtraHop.DestinationNotFound";
        public const string DestinationNotWritable = "ExtraHop.DestinationNotWritable";
        public const string FileExists = "ExtraHop.FileExists";
        public const string DownloadInterrupted = "ExtraHop.DownloadInterrupted";
        public const string SupportPackFailed = "ExtraHop.SupportPackFailed";
        public const string InvalidSupportPackFile = "ExtraHop.InvalidSupportPackFile";
        public const string InvalidTimeWindow = "ExtraHop.InvalidTimeWindow";
        public const string TimeWindowInFuture = "ExtraHop.TimeWindowInFuture";
        public const string InvalidPacketFilter = "ExtraHop.InvalidPacketFilter";
        public const string PacketsNotPermitted = "ExtraHop.PacketsNotPermitted";
        public const string PacketsUnavailable = "ExtraHop.PacketsUnavailable";
        public const string RunningConfigSectionNotFound = "ExtraHop.RunningConfigSectionNotFound";
        public const string RunningConfigNotJson = "ExtraHop.RunningConfigNotJson";
        public const string RunningConfigNotObject = "ExtraHop.RunningConfigNotObject";
        public const string RunningConfigFileNotFound = "ExtraHop.RunningConfigFileNotFound";
        public const string BackupFolderNotFound = "ExtraHop.BackupFolderNotFound";
        public const string BackupFolderNotWritable = "ExtraHop.BackupFolderNotWritable";
        public const string BackupWriteFailed = "ExtraHop.BackupWriteFailed";
    }
}
