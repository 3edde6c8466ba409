using System;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Arguments;

namespace ExtraHop.Base
{
    /// <summary>Turns failures into ErrorRecords with a stable ErrorId, a fitting category, the target, and advice where the user can act.</summary>
    internal static class ErrorMapper
    {
        public static ErrorRecord ToErrorRecord(Exception exception, object? target)
        {
            switch (exception)
            {
                case ExtraHopApiException api:
                    (string id, ErrorCategory category, string? advice) = Classify(api);
                    var record = new ErrorRecord(api, id, category, target);
                    record.ErrorDetails = new ErrorDetails(api.Message) { RecommendedAction = advice };
                    return record;
                case JobFailedException jobFailed:
                    return JobErrors.Failed(jobFailed);
                case Api.ClusterIngestUnsupportedException unsupported:
                    return new ErrorRecord(unsupported, ErrorIds.ClusterIngestUnsupported, ErrorCategory.NotImplemented, target ?? unsupported.Server);
                case AccountRefusedException refused:
                    return AccountErrors.Refused(refused, target);
                case ApplianceRefusedException applianceRefused:
                    return ApplianceErrors.Refused(applianceRefused, target);
                case RunningConfigRefusedException refused:
                    return RunningConfigErrors.Refused(refused, target);
                case InvalidPrivilegeException privilege:
                    return new ErrorRecord(privilege, ErrorIds.InvalidPrivilege, ErrorCategory.InvalidArgument, target);
                case InvalidApiPathException path:
                    return new ErrorRecord(path, ErrorIds.InvalidApiPath, ErrorCategory.InvalidArgument, target);
                case InvalidBodyException body:
                    return new ErrorRecord(body, ErrorIds.InvalidBody, ErrorCategory.InvalidData, target);
                case PlainTextPasswordException plain:
                    return new ErrorRecord(plain, ErrorIds.PlainTextPassword, ErrorCategory.SecurityError, target);
                case UnknownProcessException unknownProcess:
                    return new ErrorRecord(unknownProcess, ErrorIds.UnknownProcess, ErrorCategory.ObjectNotFound, target);
                case InvalidUrlTemplateException template:
                    return new ErrorRecord(template, ErrorIds.InvalidUrlTemplate, ErrorCategory.InvalidArgument, target);
                case ApplianceRestartException restart:
                    return new ErrorRecord(restart, restart.Failure == ApplianceRestartFailure.TimedOut ? ErrorIds.RestartTimedOut : ErrorIds.RestartVersionChanged,
                        restart.Failure == ApplianceRestartFailure.TimedOut ? ErrorCategory.OperationTimeout : ErrorCategory.InvalidResult, target);
                case InputRefusedException refusedInput:
                    return InputErrors.Refused(refusedInput, target);
                case Downloads.DownloadRefusedException _:
                case Downloads.DownloadInterruptedException _:
                case Packets.PacketWindowException _:
                case Packets.PacketSearchRefusedException _:
                case SupportPackFailedException _:
                    return TransferErrors.ToErrorRecord(exception, target);
                case ArgumentException argument:
                    return new ErrorRecord(argument, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target);
                default:
                    return new ErrorRecord(exception, "ExtraHop." + exception.GetType().Name, ErrorCategory.NotSpecified, target);
            }
        }

        private static (string Id, ErrorCategory Category, string? Advice) Classify(ExtraHopApiException api)
        {
            switch (api.Kind)
            {
                case ApiFailureKind.CertificateUntrusted:
                    return (ErrorIds.CertificateUntrusted, ErrorCategory.SecurityError,
                        $"Check the fingerprint ({api.CertificateSha256}) against the appliance's certificate, then connect with -CertificateThumbprint, or trust its CA.");
                case ApiFailureKind.ConnectionFailed:
                    return (ErrorIds.ConnectionFailed, ErrorCategory.ConnectionError, "Check the host name, port, network path and proxy.");
                case ApiFailureKind.Timeout:
                    return (ErrorIds.Timeout, ErrorCategory.OperationTimeout, "Connect again with a larger -TimeoutSec if the appliance is slow.");
                case ApiFailureKind.InsecureRedirect:
                    return (ErrorIds.InsecureRedirect, ErrorCategory.SecurityError, null);
                case ApiFailureKind.InvalidResponse:
                    return (ErrorIds.InvalidResponse, ErrorCategory.InvalidResult, null);
                case ApiFailureKind.NotSupportedByFirmware:
                    return (ErrorIds.NotSupportedByFirmware, ErrorCategory.NotImplemented, "Upgrade the appliance's firmware, or do this in its Administration settings.");
            }

            int status = api.StatusCode.HasValue ? (int)api.StatusCode.Value : 0;
            switch (status)
            {
                case 400: return (ErrorIds.BadRequest, ErrorCategory.InvalidArgument, null);
                case 401: return (ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError, "Check the API key (or RevealX 360 client ID and secret) and connect again.");
                case 403: return (ErrorIds.PermissionDenied, ErrorCategory.PermissionDenied, "Use an API key of a user with the privilege this needs (usually system and access administration).");
                case 404: return (ErrorIds.NotFound, ErrorCategory.ObjectNotFound, null);
                case 409: return (ErrorIds.Conflict, ErrorCategory.ResourceBusy, null);
                case 429: return (ErrorIds.RateLimited, ErrorCategory.LimitsExceeded, "Wait and try again; connect with a larger -MaximumRetryCount to retry automatically.");
            }
            return status >= 500
                ? (ErrorIds.ServerError, ErrorCategory.ResourceUnavailable, null)
                : (ErrorIds.HttpError, ErrorCategory.InvalidOperation, null);
        }
    }
}
