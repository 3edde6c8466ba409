using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ExtraHop.Models;

namespace ExtraHop.Sessions
{
    /// <summary>
    /// For a parameter of appliance names that should also take sessions (and objects that carry one): each becomes
    /// its session's server name. Left to PowerShell, a session would become its display text ("host:443 (Recordstore,
    /// 9.8)"), which names no appliance.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ApplianceNameTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = Unwrap(inputData);
            if (value == null || value is string) return inputData;
            if (value is IEnumerable items) return items.Cast<object?>().Select(Name).ToArray();
            return Name(value);
        }

        private static object? Name(object? item)
        {
            switch (Unwrap(item))
            {
                case ExtraHopSession session: return session.Server;
                case ExtraHopObject carrier when carrier.Session != null: return carrier.Session.Server;
                default: return item;
            }
        }

        private static object? Unwrap(object? item) => item is PSObject wrapped ? wrapped.BaseObject : item;
    }
}
