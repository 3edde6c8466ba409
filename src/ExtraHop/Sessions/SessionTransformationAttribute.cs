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
            if (!Flatten(inputData).Select(Unwrap).All(value => value == null || value is ExtraHopSession || value is string))
            {
                return inputData;
            }

            // A null among the values stays null, so the cmdlet refuses it (ExtraHop.NoSession) instead of dropping it.
            var sessions = new List<ExtraHopSession?>();
            foreach (object? value in Flatten(inputData).Select(Unwrap))
            {
                sessions.Add(value is string name ? SessionRegistry.Current.Find(name) ?? throw UnknownName(name) : (ExtraHopSession?)value);
            }
            return sessions.ToArray();
        }

        private static object? Unwrap(object? item) => item is PSObject wrapped ? wrapped.BaseObject : item;

        private static IEnumerable<object?> Flatten(object input)
        {
            object? value = Unwrap(input);
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
