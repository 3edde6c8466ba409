using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Auth;
using ExtraHop.Http;
using ExtraHop.Json;

namespace ExtraHop.Api
{
    /// <summary>
    /// POST /apikeys: the initial API key of the built-in "setup" user, created with its password on a new appliance.
    /// The request carries no Authorization header (the password in the body is the credential) and is sent once: a
    /// wrong password counts towards the appliance locking the setup account, so it is never repeated on our own, not
    /// even after a transient failure. The key comes back only as a SecureString.
    /// </summary>
    internal static class SetupKeyApi
    {
        public static async Task<SecureString> CreateAsync(ServerAddress address, ConnectionSettings settings, SecureString password, CancellationToken cancellationToken)
        {
            using (var connection = new ApiConnection(address, settings, _ => new NoCredentialAuthenticator()))
            {
                var request = new ApiRequest(HttpMethod.Post, "apikeys", () => JsonBody.Create(new Dictionary<string, string> { ["password"] = SecretText.Reveal(password) }))
                {
                    SafeToRetry = false,
                };
                ApiResponse response;
                try
                {
                    response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized || ex.StatusCode == HttpStatusCode.Forbidden)
                {
                    throw Refused(address, ex);
                }

                return NewKeyReader.Read(response.Body)
                    ?? throw new ExtraHopApiException(ApiFailureKind.InvalidResponse,
                        $"{address}: POST /apikeys succeeded ({(int)response.StatusCode}) but the answer holds no key. The setup user may now have a key that only its API Access page shows.",
                        address.DisplayName, "POST", "/apikeys", response.StatusCode);
            }
        }

        /// <summary>Keeps the status (so the ErrorId stays AuthenticationFailed or PermissionDenied) and says what a user must know before trying again.</summary>
        private static ExtraHopApiException Refused(ServerAddress address, ExtraHopApiException refusal) =>
            new ExtraHopApiException(
                refusal.Kind,
                $"{address} refused the setup password ({refusal.ApplianceMessage ?? refusal.StatusCode.ToString()}). The appliance locks the setup account after repeated failed attempts, " +
                "so the module did not try again: check the password before the next attempt. If the account is locked, an administrator can unlock it with Unlock-EHUser setup (firmware 9.9 and later).",
                address.DisplayName, refusal.Method, refusal.Path, refusal.StatusCode, refusal.ApplianceMessage, refusal);
    }
}
