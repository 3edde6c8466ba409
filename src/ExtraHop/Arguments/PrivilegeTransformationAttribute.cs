using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Models;

namespace ExtraHop.Arguments
{
    /// <summary>
    /// Lets -Privilege take privileges the way users write them: a hashtable (@{ write = 'limited'; ndr = 'full' }),
    /// "family=level" strings (write=limited, ndr=full: the form tab completion offers), an object with one property
    /// per family, or the GrantedPrivileges of another user. Unknown families and levels pass through, so the cmdlet can
    /// refuse them with ExtraHop.InvalidPrivilege before it sends anything; only a family given twice is refused here.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class PrivilegeTransformationAttribute : ArgumentTransformationAttribute
    {
        // Properties a UserPrivileges object (or its deserialized copy) has besides the families.
        private static readonly HashSet<string> NotFamilies = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Session", "Server", "ExtensionData", "IsSystemAdministrator" };

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = Unwrap(inputData);
            if (value == null || value is UserPrivileges) return value;

            var pairs = new List<KeyValuePair<string, string?>>();
            Collect(inputData, pairs);
            var duplicate = pairs.GroupBy(p => p.Key.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                throw new ArgumentTransformationMetadataException($"The privilege family '{duplicate.Key}' is given more than once; give each family one level.");
            }
            return PrivilegeRules.Build(pairs);
        }

        private static void Collect(object? input, List<KeyValuePair<string, string?>> pairs)
        {
            object? value = Unwrap(input);
            switch (value)
            {
                case null:
                    return;
                case UserPrivileges roles:
                    foreach (var granted in PrivilegeRules.ToWire(roles)) pairs.Add(new KeyValuePair<string, string?>(granted.Key, granted.Value));
                    return;
                case string text:
                    foreach (string item in text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        string[] parts = item.Split(new[] { '=' }, 2);
                        pairs.Add(new KeyValuePair<string, string?>(parts[0], parts.Length > 1 ? parts[1] : null));
                    }
                    return;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary) pairs.Add(new KeyValuePair<string, string?>(entry.Key?.ToString() ?? string.Empty, Text(entry.Value)));
                    return;
                case IEnumerable many:
                    foreach (object? item in many) Collect(item, pairs);
                    return;
                default:
                    foreach (PSPropertyInfo property in PSObject.AsPSObject(input!).Properties)
                    {
                        if (property.IsGettable && !NotFamilies.Contains(property.Name) && Text(property.Value) is string level) pairs.Add(new KeyValuePair<string, string?>(property.Name, level));
                    }
                    return;
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;

        private static string? Text(object? value) => Unwrap(value)?.ToString();
    }
}
