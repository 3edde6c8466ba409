using System;

namespace ExtraHop.Api
{
    /// <summary>Why the module refused a file or value before sending anything; each has its own ErrorId.</summary>
    internal enum InputRefusal
    {
        EmptyLicenseFile,
        NotALicense,
        InvalidProductKey,
        CertificateWithoutKey,
        KeyDoesNotMatchCertificate,
        WrongPfxPassword,
        InvalidCertificate,
    }

    /// <summary>
    /// Input the module refuses before any request (a license file that is none, a key that does not match its
    /// certificate...). An ArgumentException, so cmdlets treat it as bad input: an error for that item, nothing sent.
    /// </summary>
    internal sealed class InputRefusedException : ArgumentException
    {
        public InputRefusedException(InputRefusal refusal, string message, Exception? inner = null)
            : base(message, inner)
        {
            Refusal = refusal;
        }

        public InputRefusal Refusal { get; }
    }
}
