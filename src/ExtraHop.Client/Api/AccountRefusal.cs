using System;

namespace ExtraHop.Api
{
    /// <summary>Why the module refused an account change before sending it.</summary>
    public enum AccountRefusal
    {
        /// <summary>New-EHUser: the user name is taken on that appliance.</summary>
        UserExists,
        /// <summary>Remove-EHUser: the setup user, or the account whose key the session uses.</summary>
        ProtectedAccount,
        /// <summary>Remove-EHUser -TransferTo: a user that does not exist, or the user being removed.</summary>
        InvalidTransferTarget,
    }

    /// <summary>An account change the module refused before sending anything; the appliance was not changed.</summary>
    public sealed class AccountRefusedException : ArgumentException
    {
        public AccountRefusedException(AccountRefusal refusal, string message)
            : base(message)
        {
            Refusal = refusal;
        }

        public AccountRefusal Refusal { get; }
    }
}
