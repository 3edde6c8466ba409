using System;

namespace ExtraHop.Api
{
    /// <summary>
    /// Puts a name the user gave (a user name, a key id) into a request path as one escaped segment. Empty names and
    /// the dot segments "." and ".." are refused: escaped or not, they would name a different resource than the
    /// user meant (".." climbs to the parent collection).
    /// </summary>
    internal static class PathSegment
    {
        public static string Escape(string? value, string what)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"The {what} is empty.");
            if (value == "." || value == "..") throw new ArgumentException($"'{value}' is not a valid {what}: it would name another resource than the one you mean.");
            return Uri.EscapeDataString(value);
        }
    }
}
