using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ExtraHop.Api
{
    /// <summary>
    /// Turns what a user gives Invoke-EHRestMethod ("devices", "/devices/7", "/api/v1/tags?limit=5", plus -Query) into
    /// a path below /api/v1 that cannot leave it: absolute URLs, other API roots, "." and ".." segments (escaped or
    /// not), backslashes, fragments and control characters are refused, and each segment is escaped exactly once.
    /// </summary>
    internal static class RestPath
    {
        private const string Root = "api/v1";

        public static string Build(string path, IEnumerable<KeyValuePair<string, string>> query)
        {
            string text = (path ?? string.Empty).Trim();
            if (text.Length == 0) throw Refuse(path, "it is empty");
            if (text.IndexOf("://", StringComparison.Ordinal) >= 0 || text.StartsWith("//", StringComparison.Ordinal))
            {
                throw Refuse(path, "it is an absolute URL; give the path below /api/v1 of the session's appliance, such as devices or tags/7");
            }
            if (text.IndexOf('\\') >= 0) throw Refuse(path, "it contains a backslash");
            if (text.IndexOf('#') >= 0) throw Refuse(path, "it contains a fragment (#)");
            if (text.Any(char.IsControl)) throw Refuse(path, "it contains control characters");

            int question = text.IndexOf('?');
            string resource = (question < 0 ? text : text.Substring(0, question)).TrimStart('/');
            string ownQuery = question < 0 ? string.Empty : text.Substring(question + 1);
            if (resource.Equals(Root, StringComparison.OrdinalIgnoreCase)) throw Refuse(path, "it names the API root itself, not a resource below it");
            if (resource.StartsWith(Root + "/", StringComparison.OrdinalIgnoreCase)) resource = resource.Substring(Root.Length + 1);
            else if (resource.Equals("api", StringComparison.OrdinalIgnoreCase) || resource.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
            {
                throw Refuse(path, "it is outside /api/v1");
            }

            string escaped = string.Join("/", resource.Split('/').Select(segment => Segment(path!, segment)));
            string queryText = string.Join("&", ParseQuery(ownQuery).Concat(query).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
            return queryText.Length == 0 ? escaped : escaped + "?" + queryText;
        }

        /// <summary>The id a 201 names: the last segment of its Location, as a number when it is one.</summary>
        public static object? IdFromLocation(string? location)
        {
            if (string.IsNullOrEmpty(location)) return null;
            string path = Uri.TryCreate(location, UriKind.Absolute, out Uri? absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal) ? absolute.AbsolutePath : location!;
            int query = path.IndexOf('?');
            if (query >= 0) path = path.Substring(0, query);
            string last = Uri.UnescapeDataString(path.TrimEnd('/').Substring(path.TrimEnd('/').LastIndexOf('/') + 1));
            return long.TryParse(last, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long number) ? number : (object)last;
        }

        private static string Segment(string path, string raw)
        {
            string segment = Uri.UnescapeDataString(raw);
            if (segment.Length == 0) throw Refuse(path, "it has an empty segment (//)");
            if (segment == "." || segment == "..") throw Refuse(path, $"it has a '{segment}' segment, which would leave the resource it names");
            if (segment.IndexOf('/') >= 0 || segment.IndexOf('\\') >= 0 || segment.Any(char.IsControl)) throw Refuse(path, $"the segment '{raw}' hides a slash or a control character");
            return Uri.EscapeDataString(segment);
        }

        private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
        {
            foreach (string pair in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                string key = Uri.UnescapeDataString((equals < 0 ? pair : pair.Substring(0, equals)).Replace('+', ' '));
                string value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
                yield return new KeyValuePair<string, string>(key, value);
            }
        }

        private static InvalidApiPathException Refuse(string? path, string why) =>
            new InvalidApiPathException($"'{path}' is not a path below /api/v1: {why}. Nothing was sent.");
    }

    /// <summary>A path for Invoke-EHRestMethod that would leave the appliance's /api/v1; nothing was sent.</summary>
    public sealed class InvalidApiPathException : ArgumentException
    {
        public InvalidApiPathException(string message)
            : base(message)
        {
        }
    }
}
