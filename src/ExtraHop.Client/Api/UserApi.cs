using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/users: accounts and their privileges.</summary>
    internal static class UserApi
    {
        public static async Task<List<ExtraHopUser>> ListAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get("users"), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadList<ExtraHopUser>(session.Connection, response, "users").From(session);
        }

        public static async Task<ExtraHopUser> GetAsync(ExtraHopSession session, string username, CancellationToken cancellationToken)
        {
            string path = "users/" + ResourcePath.Segment(username, "Name");
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadModel<ExtraHopUser>(session.Connection, response, path).From(session);
        }
    }
}
