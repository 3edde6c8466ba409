using System;

namespace ExtraHop.Http
{
    /// <summary>
    /// Builds the {id} segments of API paths from what users type. Every segment is escaped, and the values that
    /// would make the path name another resource are refused: an empty value ("users/" is the whole list) and "."
    /// or ".." (which URI rules remove, so "jobs/.." is /api/v1/ itself).
    /// </summary>
    internal static class ResourcePath
    {
        /// <param name="value">The id or name as given.</param>
        /// <param name="parameterName">The cmdlet parameter it came from, for the error.</param>
        public static string Segment(string? value, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"-{parameterName} is empty; give the {Noun(parameterName)} of one item.", parameterName);
            }
            if (value == "." || value == "..")
            {
                throw new ArgumentException($"-{parameterName} '{value}' is not a {Noun(parameterName)}: it would name another part of the API.", parameterName);
            }
            foreach (char c in value!)
            {
                if (char.IsControl(c))
                {
                    throw new ArgumentException($"-{parameterName} contains a line break or another control character, which no {Noun(parameterName)} has.", parameterName);
                }
            }
            return Uri.EscapeDataString(value);
        }

        private static string Noun(string parameterName) =>
            string.Equals(parameterName, "Id", StringComparison.OrdinalIgnoreCase) ? "id" : parameterName.ToLowerInvariant();
    }
}
