using System.Security;
using System.Text.Json;
using ExtraHop.Auth;

namespace ExtraHop.Api
{
    /// <summary>
    /// Takes a newly created API key out of an answer and into a SecureString. Where the appliance puts it is INFERRED
    /// (the guides do not show the body): a "key" field at the top (the shape of an APIKey object), or inside an
    /// "api_key"/"apikey" object, or a string field of either name. Null when the answer holds no key.
    /// </summary>
    internal static class NewKeyReader
    {
        private static readonly string[] ContainerNames = { "api_key", "apikey" };

        public static SecureString? Read(string body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            try
            {
                using (JsonDocument document = JsonDocument.Parse(body))
                {
                    return Find(document.RootElement) is string key && key.Length > 0 ? SecretText.FromText(key) : null;
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? Find(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("key", out JsonElement key) && key.ValueKind == JsonValueKind.String) return key.GetString();
            foreach (string name in ContainerNames)
            {
                if (!root.TryGetProperty(name, out JsonElement inner)) continue;
                if (inner.ValueKind == JsonValueKind.String) return inner.GetString();
                if (inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty("key", out JsonElement nested) && nested.ValueKind == JsonValueKind.String) return nested.GetString();
            }
            return null;
        }
    }
}
