using System;
using System.Collections.Generic;
using ExtraHop.Http;
using ExtraHop.Json;

namespace ExtraHop.Api
{
    /// <summary>Reads a 2xx body into models; a body that is not what the API promises becomes an InvalidResponse failure.</summary>
    internal static class ResponseReader
    {
        public static T ReadModel<T>(ApiConnection connection, ApiResponse response, string path) where T : new() =>
            Read(connection, response, path, () => response.Read<T>());

        public static List<T> ReadList<T>(ApiConnection connection, ApiResponse response, string path) where T : new() =>
            Read(connection, response, path, () => JsonModelReader.ReadList<T>(response.Body));

        private static TResult Read<TResult>(ApiConnection connection, ApiResponse response, string path, Func<TResult> read)
        {
            try
            {
                return read();
            }
            catch (FormatException ex)
            {
                throw new ExtraHopApiException(ApiFailureKind.InvalidResponse,
                    $"{connection.Address}: /{path} did not return what the API promises: {ex.Message}",
                    connection.Address.DisplayName, "GET", "/" + path, response.StatusCode, null, ex);
            }
        }
    }
}
