using System;
using System.Management.Automation;
using ExtraHop.Models;

namespace ExtraHop.Sessions
{
    /// <summary>
    /// For a name parameter that takes strings from the pipeline: a piped session binds -Session by property name,
    /// and PowerShell would also turn it into text for the name ("localhost:443 (Sensor, 9.8)"). Here it means
    /// "no name", so piping sessions lists everything on each of them.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class PipedSessionIsNotANameAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is ExtraHopSession ? null : inputData;
    }
}
