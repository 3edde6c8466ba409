using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Json;
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
            string path = UserPath(username, "Name");
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadModel<ExtraHopUser>(session.Connection, response, path).From(session);
        }

        /// <summary>The user, or null when the appliance has none by that name.</summary>
        public static async Task<ExtraHopUser?> FindAsync(ExtraHopSession session, string username, CancellationToken cancellationToken)
        {
            try
            {
                return await GetAsync(session, username, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }

        /// <summary>
        /// The account as it is before a change, for the -WhatIf text; null when the session may not read accounts (a
        /// user without system privileges may still change its own password) so the change goes ahead without it.
        /// </summary>
        public static async Task<ExtraHopUser?> ReadBeforeChangeAsync(ExtraHopSession session, string username, CancellationToken cancellationToken)
        {
            try
            {
                return await GetAsync(session, username, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex) when (ex.StatusCode == HttpStatusCode.Forbidden)
            {
                ApiTrace.Write($"{session.Server} does not let this session read '{username}'; changing it without showing the current values");
                return null;
            }
        }

        /// <summary>Refuses a user name that is taken, before anything is created.</summary>
        public static async Task<bool> EnsureAbsentAsync(ExtraHopSession session, string username, CancellationToken cancellationToken)
        {
            ExtraHopUser? existing = await FindAsync(session, username, cancellationToken).ConfigureAwait(false);
            if (existing != null)
            {
                throw new AccountRefusedException(AccountRefusal.UserExists, $"{session.Server} already has a user '{existing.Username}' ({existing.Name}); nothing was created. Use Set-EHUser to change it.");
            }
            return true;
        }

        /// <summary>
        /// POST /users, then the user as the appliance now shows it. A key asked for comes back once, in the answer to
        /// the POST; it is kept even when reading the user afterwards fails, because it cannot be fetched again.
        /// </summary>
        public static async Task<ExtraHopUser> CreateAsync(ExtraHopSession session, NewUserRequest request, CancellationToken cancellationToken)
        {
            var post = new ApiRequest(HttpMethod.Post, "users", () => JsonBody.Create(request.ToWire()));
            ApiResponse response = await session.Connection.SendAsync(post, cancellationToken).ConfigureAwait(false);
            var key = request.CreateApiKey ? NewKeyReader.Read(response.Body) : null;

            ExtraHopUser user;
            try
            {
                user = await GetAsync(session, request.Username, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex)
            {
                ApiTrace.Write($"{session.Server} created user '{request.Username}' but reading it back failed ({ex.Message}); returning what was sent");
                user = new ExtraHopUser { Username = request.Username, Name = request.Name, Type = request.Type, Enabled = request.Enabled, GrantedPrivileges = request.Privileges }.From(session);
            }
            user.NewApiKey = key;
            return user;
        }

        /// <summary>PATCH /users/{username} with only the fields that change.</summary>
        public static Task UpdateAsync(ExtraHopSession session, string username, UserChanges changes, CancellationToken cancellationToken)
        {
            var patch = new ApiRequest(new HttpMethod("PATCH"), UserPath(username), () => JsonBody.Create(changes.ToWire())) { SafeToRetry = changes.SafeToRetry };
            return session.Connection.SendAsync(patch, cancellationToken);
        }

        /// <summary>DELETE /users/{username}; with a transfer target, the objects the user owns (dashboards, collections, activity maps) go to it.</summary>
        public static Task DeleteAsync(ExtraHopSession session, string username, string? transferTo, CancellationToken cancellationToken)
        {
            string path = UserPath(username);
            if (transferTo != null) path += "?dest_user=" + ResourcePath.Segment(transferTo, "TransferTo");
            return session.Connection.SendAsync(new ApiRequest(HttpMethod.Delete, path), cancellationToken);
        }

        internal static string UserPath(string username, string parameterName = "Username") => "users/" + ResourcePath.Segment(username, parameterName);
    }
}
