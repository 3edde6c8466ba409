using System.Management.Automation;

namespace ExtraHop.Base
{
    /// <summary>PowerShell-style name matching: any of the patterns (wildcards allowed, case-insensitive) matches any of the names.</summary>
    internal static class NameFilter
    {
        public static bool Matches(string[] patterns, params string?[] names)
        {
            foreach (string pattern in patterns)
            {
                var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
                foreach (string? name in names)
                {
                    if (name != null && wildcard.IsMatch(name)) return true;
                }
            }
            return false;
        }
    }
}
