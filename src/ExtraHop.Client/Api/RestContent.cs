using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ExtraHop.Api
{
    /// <summary>
    /// A request body for Invoke-EHRestMethod, made once before anything is sent (so a body that cannot be sent fails
    /// first) and handed out anew for each attempt. Its text is never logged anywhere.
    /// </summary>
    internal sealed class RestContent
    {
        private readonly byte[] bytes;
        private readonly MediaTypeHeaderValue mediaType;

        private RestContent(byte[] bytes, MediaTypeHeaderValue mediaType)
        {
            this.bytes = bytes;
            this.mediaType = mediaType;
        }

        public int Length => bytes.Length;
        public string MediaType => mediaType.MediaType ?? string.Empty;

        /// <summary>
        /// Plain data (dictionaries, lists, strings, numbers, booleans, null) as JSON. The content type, when given,
        /// must be a JSON one.
        /// </summary>
        public static RestContent Json(object? plain, string? contentType)
        {
            MediaTypeHeaderValue type = Parse(contentType ?? "application/json");
            string media = type.MediaType ?? string.Empty;
            if (!media.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !media.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidBodyException($"An object body is sent as JSON, but -ContentType is '{contentType}'. Give the body as a string or bytes for other content types.");
            }
            try
            {
                return new RestContent(JsonSerializer.SerializeToUtf8Bytes(plain, typeof(object)), type);
            }
            catch (Exception ex) when (ex is JsonException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new InvalidBodyException("The body cannot be written as JSON: " + ex.Message);
            }
        }

        /// <summary>Text as given, UTF-8; JSON unless a content type says otherwise.</summary>
        public static RestContent Text(string text, string? contentType) =>
            new RestContent(Encoding.UTF8.GetBytes(text), WithUtf8(Parse(contentType ?? "application/json")));

        /// <summary>Bytes as given; application/octet-stream unless a content type says otherwise.</summary>
        public static RestContent Bytes(byte[] data, string? contentType) =>
            new RestContent(data, Parse(contentType ?? "application/octet-stream"));

        public HttpContent Create()
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = mediaType;
            return content;
        }

        private static MediaTypeHeaderValue Parse(string contentType)
        {
            if (MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed) && parsed != null) return parsed;
            throw new ArgumentException($"'{contentType}' is not a content type such as application/json or text/plain.");
        }

        private static MediaTypeHeaderValue WithUtf8(MediaTypeHeaderValue type)
        {
            if (type.CharSet == null && (type.MediaType ?? string.Empty).StartsWith("text/", StringComparison.OrdinalIgnoreCase)) type.CharSet = "utf-8";
            return type;
        }
    }

    /// <summary>A body Invoke-EHRestMethod cannot send (a type JSON cannot hold, a secret, a loop); nothing was sent.</summary>
    public sealed class InvalidBodyException : ArgumentException
    {
        public InvalidBodyException(string message)
            : base(message)
        {
        }
    }
}
