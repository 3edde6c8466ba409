using System;
using System.IO;
using System.Text.Json;
using ExtraHop.Api;

namespace ExtraHop.RunningConfig
{
    /// <summary>
    /// One running config from any source (an appliance's running or saved copy, a file, a string, an object), as the
    /// text it came as and its parsed root, with a name for that source in compare output ("eh1 running").
    /// </summary>
    internal sealed class ConfigDocument
    {
        private ConfigDocument(string text, JsonElement root, string source)
        {
            Text = text;
            Root = root;
            Source = source;
        }

        /// <summary>The JSON text as received or read, unchanged (what a replace sends).</summary>
        public string Text { get; }

        /// <summary>The parsed config; always a JSON object.</summary>
        public JsonElement Root { get; }

        public string Source { get; }

        /// <summary>Text given by the user (a file, a string): JSON that is not an object is refused with its own reason.</summary>
        /// <exception cref="RunningConfigRefusedException">Not JSON, or not a JSON object.</exception>
        public static ConfigDocument FromUser(string text, string source)
        {
            JsonElement root;
            try
            {
                root = ParseRoot(text);
            }
            catch (JsonException ex)
            {
                throw new RunningConfigRefusedException(RunningConfigRefusal.NotJson,
                    $"{source} is not JSON ({ex.Message}), so it cannot be a running config. Nothing was sent.", ex);
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RunningConfigRefusedException(RunningConfigRefusal.NotObject,
                    $"{source} holds a JSON {Describe(root.ValueKind)}, but a running config is a JSON object ({{ ... }}). Nothing was sent.");
            }
            return new ConfigDocument(text, root, source);
        }

        /// <summary>A config file: read as text (a byte-order mark tells UTF-16 from UTF-8, as Windows PowerShell writes both).</summary>
        public static ConfigDocument FromFile(string path)
        {
            if (!File.Exists(path))
            {
                throw new RunningConfigRefusedException(RunningConfigRefusal.FileNotFound, $"The config file '{path}' does not exist. Nothing was sent.");
            }
            return FromUser(File.ReadAllText(path), $"file '{Path.GetFileName(path)}'");
        }

        /// <summary>An appliance's answer; one that is not a JSON object is the appliance's fault, not the user's.</summary>
        public static ConfigDocument FromAppliance(string text, string source, string server, string path)
        {
            try
            {
                JsonElement root = ParseRoot(text);
                if (root.ValueKind == JsonValueKind.Object) return new ConfigDocument(text, root, source);
            }
            catch (JsonException)
            {
            }
            throw new ExtraHopApiException(ApiFailureKind.InvalidResponse, $"{server}: /{path} did not answer a running config (a JSON object).", server, "GET", "/" + path);
        }

        private static JsonElement ParseRoot(string text)
        {
            using (JsonDocument document = JsonDocument.Parse(text))
            {
                return document.RootElement.Clone();
            }
        }

        private static string Describe(JsonValueKind kind) => kind == JsonValueKind.Array ? "array" : kind.ToString().ToLowerInvariant();
    }
}
