using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/users/{username}/lock: an account locked after failed passwords, and unlocking it (firmware 9.9 and later).</summary>
    internal static class UserLockApi
    {
        public static async Task<ExtraHopUserLock> GetAsync(ExtraHopSession session, string username, CancellationToken cancellationToken)
        {
            string path = UserApi.UserPath(username) + "/lock";
            try
            {
                ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
                ExtraHopUserLock status = ResponseReader.ReadModel<ExtraHopUserLock>(session.Connection, response, path).From(session);
                status.Username = username;
                return status;
            }
            catch (ExtraHopApiException ex)
            {
                throw FirmwareFeature.UserLocks.Explain(session, ex);
            }
        }

        /// <summary>Unlocking an account that is not locked is harmless, so this is retried like any DELETE.</summary>
        public static async Task UnlockAsync(ExtraHopSession session, string username, CancellationToken cancellationToken)
        {
            try
            {
                await session.Connection.SendAsync(new ApiRequest(HttpMethod.Delete, UserApi.UserPath(username) + "/lock"), cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex)
            {
                throw FirmwareFeature.UserLocks.Explain(session, ex);
            }
        }
    }
}
