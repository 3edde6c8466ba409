using System;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>
    /// What Remove-EHUser refuses before it sends the DELETE: the setup user (the appliance's built-in administrator,
    /// the way back in when every other account is gone), the account the session itself acts as (removing it would
    /// cut off the session and every script using its key), and a transfer to nobody or to the user being removed.
    /// </summary>
    internal static class UserRemovalRules
    {
        public const string SetupUsername = "setup";

        /// <summary>The checks that need no appliance: run them once, before any session is touched.</summary>
        public static bool CheckArguments(string username, string? transferTo)
        {
            if (string.Equals(username, SetupUsername, StringComparison.OrdinalIgnoreCase))
            {
                throw new AccountRefusedException(AccountRefusal.ProtectedAccount, "The setup user is the appliance's built-in administrator and cannot be removed; nothing was changed.");
            }
            if (transferTo != null && string.Equals(transferTo, username, StringComparison.OrdinalIgnoreCase))
            {
                throw new AccountRefusedException(AccountRefusal.InvalidTransferTarget, $"-TransferTo names '{transferTo}', the user being removed; give the user who should own its dashboards and collections. Nothing was changed.");
            }
            return true;
        }

        /// <summary>The checks against one appliance; returns the user to remove, for the confirmation prompt.</summary>
        public static async Task<ExtraHopUser> CheckAsync(ExtraHopSession session, string username, string? transferTo, CancellationToken cancellationToken)
        {
            ExtraHopUser user = await UserApi.GetAsync(session, username, cancellationToken).ConfigureAwait(false);
            string? caller = await CallerIdentity.UsernameAsync(session, cancellationToken).ConfigureAwait(false);
            if (caller != null && string.Equals(caller, user.Username, StringComparison.OrdinalIgnoreCase))
            {
                throw new AccountRefusedException(AccountRefusal.ProtectedAccount, $"'{user.Username}' is the account this session to {session.Server} acts as (its API key is the session's); removing it would end the session. Remove it from another administrator's session. Nothing was changed.");
            }
            if (transferTo != null && await UserApi.FindAsync(session, transferTo, cancellationToken).ConfigureAwait(false) == null)
            {
                throw new AccountRefusedException(AccountRefusal.InvalidTransferTarget, $"{session.Server} has no user '{transferTo}' to transfer the objects of '{user.Username}' to; nothing was changed.");
            }
            return user;
        }
    }
}
