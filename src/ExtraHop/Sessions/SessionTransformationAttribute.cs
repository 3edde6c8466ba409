using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ExtraHop.Models;

namespace ExtraHop.Sessions
{
    /// <summary>
    /// Lets -Session take session objects or the names of connected sessions ("-Session eh01"), alone or mixed
    /// in an array. A name that matches no connected session is refused with the names that would work.
    /// Anything else is passed on untouched: when a user object is piped, PowerShell first tries it by value, and
    /// only a plain type mismatch (not a transformation error) lets it go on to bind the object's Session property.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SessionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData == null) return null;
            if (!Flatten(inputData).All(item => (item is PSObject wrapped ? wrapped.BaseObject : item) is ExtraHopSession || (item is PSObject w ? w.BaseObject : item) is string))
            {
                return inputData;
            }

            var sessions = new List<ExtraHopSession>();
            foreach (object? item in Flatten(inputData))
            {
                object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
                switch (value)
                {
                    case ExtraHopSession session:
                        sessions.Add(session);
                        break;
                    case string name:
                        sessions.Add(SessionRegistry.Current.Find(name) ?? throw UnknownName(name));
                        break;
                }
            }
            return sessions.ToArray();
        }

        private static IEnumerable<object?> Flatten(object input)
        {
            object value = input is PSObject wrapped ? wrapped.BaseObject : input;
            if (value is IEnumerable items && !(value is string))
            {
                foreach (object? item in items) yield return item;
            }
            else
            {
                yield return value;
            }
        }

        private static Exception UnknownName(string name)
        {
            string connected = string.Join(", ", SessionRegistry.Current.All.Select(s => s.Server));
            string known = connected.Length == 0 ? "No session is connected in this runspace." : "Connected: " + connected + ".";
            return new ArgumentTransformationMetadataException($"There is no connected session named '{name}'. {known} Connect first with Connect-ExtraHop -Server {name}.");
        }
    }
}
