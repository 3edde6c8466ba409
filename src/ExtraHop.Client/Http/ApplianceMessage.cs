using System;
using System.Text;
using ExtraHop.Json;

namespace ExtraHop.Http
{
    /// <summary>
    /// The appliance's own words from an error answer: the error_message (or OAuth error) of a JSON body, or the
    /// text of a text/plain body, which proxies and RevealX 360's gateway send. Made fit for an error message:
    /// control characters (a terminal's escape sequences, line breaks) become spaces, and it is cut to a length a
    /// console shows.
    /// </summary>
    internal static class ApplianceMessage
    {
        public const int MaxLength = 400;

        public static string? Read(string body, string? mediaType)
        {
            string? text = JsonModelReader.ReadErrorMessage(body);
            if (text == null && string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase)) text = body;
            if (text == null) return null;
            string clean = Clean(text);
            return clean.Length == 0 ? null : clean;
        }

        public static string Clean(string text)
        {
            var clean = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
            bool pendingSpace = false;
            foreach (char c in text)
            {
                if (char.IsControl(c) || char.IsWhiteSpace(c))
                {
                    pendingSpace = clean.Length > 0;
                    continue;
                }
                if (pendingSpace) clean.Append(' ');
                pendingSpace = false;
                clean.Append(c);
                if (clean.Length > MaxLength) return clean.ToString(0, MaxLength - 1) + "…";
            }
            return clean.ToString();
        }
    }
}
