using System;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Auth;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>Opens a session: builds the connection, then proves it with a real call before anyone relies on it.</summary>
    internal static class ApplianceConnector
    {
        public static async Task<ExtraHopSession> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
        {
            ServerAddress address = ServerAddress.Parse(request.Server);
            if (request.SetupPassword != null)
            {
                request.ApiKey = await SetupKeyApi.CreateAsync(address, request.Settings, request.SetupPassword, cancellationToken).ConfigureAwait(false);
            }

            var connection = new ApiConnection(address, request.Settings, send => CreateAuthenticator(request, address, send));
            try
            {
                ExtraHopSystem system = await SystemApi.ProveAsync(connection, cancellationToken).ConfigureAwait(false);
                return new ExtraHopSession(connection, system);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        private static IAuthenticator CreateAuthenticator(
            ConnectRequest request,
            ServerAddress address,
            Func<System.Net.Http.HttpRequestMessage, CancellationToken, Task<System.Net.Http.HttpResponseMessage>> send)
        {
            if (request.ApiKey != null) return new ApiKeyAuthenticator(request.ApiKey);
            if (request.ClientId != null && request.ClientSecret != null)
            {
                // RevealX 360 serves its token endpoint on the same API host, outside /api/v1.
                return new ClientCredentialsAuthenticator(request.ClientId, request.ClientSecret, new Uri(address.BaseUri, "/oauth2/token"), send);
            }
            throw new ArgumentException("Give an API key, or a RevealX 360 client ID and secret.");
        }
    }
}
