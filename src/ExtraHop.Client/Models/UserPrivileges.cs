using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.Models
{
    /// <summary>
    /// A user's privileges, one property per family the appliance knows (system, write, metrics, ndr, npm,
    /// packets, detections); a family that is not set is empty. Shows as "system=full, write=limited", families
    /// this module does not know yet included. The API calls them roles (granted_roles, effective_roles).
    /// New-EHUser and Set-EHUser take one as -Privilege, so the privileges of one user can be given to another.
    /// </summary>
    public sealed class UserPrivileges : ExtensibleModel
    {
        public string? System { get; internal set; }
        public string? Write { get; internal set; }
        public string? Metrics { get; internal set; }
        public string? Ndr { get; internal set; }
        public string? Npm { get; internal set; }
        public string? Packets { get; internal set; }
        public string? Detections { get; internal set; }

        /// <summary>True when the user may administer the appliance (system=full, or "unlimited" on 9.0/9.1).</summary>
        public bool IsSystemAdministrator => System == "full" || System == "unlimited";

        public override string ToString()
        {
            IEnumerable<string> other = ExtensionData.Select(pair => pair.Key + "=" + pair.Value);
            return string.Join(", ", Granted().Select(pair => pair.Key + "=" + pair.Value).Concat(other));
        }

        /// <summary>The families that have a level, in the guide's order, by their API names.</summary>
        internal IEnumerable<KeyValuePair<string, string>> Granted() =>
            new[]
            {
                ("system", System), ("write", Write), ("metrics", Metrics), ("ndr", Ndr),
                ("npm", Npm), ("packets", Packets), ("detections", Detections),
            }.Where(pair => !string.IsNullOrEmpty(pair.Item2)).Select(pair => new KeyValuePair<string, string>(pair.Item1, pair.Item2!));

        internal void Set(string family, string level)
        {
            switch (family)
            {
                case "system": System = level; break;
                case "write": Write = level; break;
                case "metrics": Metrics = level; break;
                case "ndr": Ndr = level; break;
                case "npm": Npm = level; break;
                case "packets": Packets = level; break;
                case "detections": Detections = level; break;
            }
        }
    }
}
