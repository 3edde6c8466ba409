using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace ExtraHop.Json
{
    /// <summary>Request bodies: the API takes JSON with explicit Content-Type application/json.</summary>
    internal static class JsonBody
    {
        public static HttpContent Create(object body) =>
            new StringContent(JsonSerializer.Serialize(body, body.GetType()), Encoding.UTF8, "application/json");
    }
}
