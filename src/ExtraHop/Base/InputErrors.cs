using System.Management.Automation;
using ExtraHop.Api;

namespace ExtraHop.Base
{
    /// <summary>Error records for files and values the module refused before sending anything (licenses, product keys, certificates).</summary>
    internal static class InputErrors
    {
        public static ErrorRecord Refused(InputRefusedException refused, object? target)
        {
            switch (refused.Refusal)
            {
                case InputRefusal.EmptyLicenseFile:
                    return new ErrorRecord(refused, ErrorIds.EmptyLicenseFile, ErrorCategory.InvalidData, target);
                case InputRefusal.NotALicense:
                    return new ErrorRecord(refused, ErrorIds.InvalidLicenseFile, ErrorCategory.InvalidData, target);
                case InputRefusal.InvalidProductKey:
                    return new ErrorRecord(refused, ErrorIds.InvalidProductKey, ErrorCategory.InvalidArgument, target);
                case InputRefusal.CertificateWithoutKey:
                    return new ErrorRecord(refused, ErrorIds.CertificateKeyMissing, ErrorCategory.InvalidData, target);
                case InputRefusal.KeyDoesNotMatchCertificate:
                    return new ErrorRecord(refused, ErrorIds.CertificateKeyMismatch, ErrorCategory.InvalidData, target);
                case InputRefusal.WrongPfxPassword:
                    return new ErrorRecord(refused, ErrorIds.InvalidPfxPassword, ErrorCategory.SecurityError, target);
                default:
                    return new ErrorRecord(refused, ErrorIds.InvalidCertificate, ErrorCategory.InvalidData, target);
            }
        }
    }
}
