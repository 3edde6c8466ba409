using System.Management.Automation;
using ExtraHop.Api;

namespace ExtraHop.Base
{
    /// <summary>Error records for account changes the module refused before sending them.</summary>
    internal static class AccountErrors
    {
        public static ErrorRecord Refused(AccountRefusedException refused, object? target)
        {
            switch (refused.Refusal)
            {
                case AccountRefusal.UserExists:
                    return new ErrorRecord(refused, ErrorIds.UserExists, ErrorCategory.ResourceExists, target);
                case AccountRefusal.ProtectedAccount:
                    return new ErrorRecord(refused, ErrorIds.ProtectedAccount, ErrorCategory.PermissionDenied, target);
                default:
                    return new ErrorRecord(refused, ErrorIds.InvalidTransferTarget, ErrorCategory.InvalidArgument, target);
            }
        }
    }
}
