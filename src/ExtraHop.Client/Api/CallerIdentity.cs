using System.Collections.Generic;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Auth;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>
    /// Which user a session acts as. The API has no "who am I" operation, but it lists each caller's own keys in full,
    /// so the owner of the key that equals the session's key is the caller. Unknown (null) for RevealX 360 credentials,
    /// which are not users, and when the appliance does not show the key. Remembered per session once found.
    /// </summary>
    internal static class CallerIdentity
    {
        private static readonly ConditionalWeakTable<ExtraHopSession, string> Known = new ConditionalWeakTable<ExtraHopSession, string>();

        public static async Task<string?> UsernameAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            if (Known.TryGetValue(session, out string? known)) return known;
            if (!(session.Connection.Authenticator is ApiKeyAuthenticator key)) return null;

            List<ExtraHopApiKey> keys;
            try
            {
                keys = await ApiKeyApi.ReadUnmaskedAsync(session, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.Forbidden || ex.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            foreach (ExtraHopApiKey candidate in keys)
            {
                if (candidate.Key != null && candidate.Username != null && key.Matches(candidate.Key))
                {
                    return Known.GetValue(session, _ => candidate.Username);
                }
            }
            return null;
        }
    }
}
