using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>
    /// /appliances/0/cloudservices: whether the appliance is enrolled in ExtraHop Cloud Services, and leaving them.
    /// The path takes an id, but only 0 (the appliance asked) is valid. The 9.9 guide adds the POST, whose only
    /// action is "unenroll": enrolling needs a product key registration, which the REST API does not offer here.
    /// </summary>
    internal static class CloudServiceApi
    {
        private const string Path = "appliances/0/cloudservices";

        public static async Task<ExtraHopCloudService> GetAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ConsoleOnly.CloudServiceStatus.Require(session);
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(Path), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadModel<ExtraHopCloudService>(session.Connection, response, Path).From(session);
        }

        /// <summary>POST {"action": "unenroll"} (201). Firmware before 9.9 has no POST here and answers 405: that becomes NotSupportedByFirmware.</summary>
        public static async Task UnenrollAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            var post = ApiRequest.Post(Path, new Dictionary<string, object> { ["action"] = "unenroll" });
            post.SafeToRetry = false;
            try
            {
                await session.Connection.SendAsync(post, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex)
            {
                throw FirmwareFeature.CloudServiceChanges.Explain(session, ex);
            }
        }
    }
}
