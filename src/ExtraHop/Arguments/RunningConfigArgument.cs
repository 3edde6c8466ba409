using System.Management.Automation;
using ExtraHop.RunningConfig;

namespace ExtraHop.Arguments
{
    /// <summary>
    /// A running config the user gives: JSON text, an object (what Get-EHRunningConfig returns, a hashtable), or a
    /// file. Checked before anything is sent: it must be JSON, and a JSON object.
    /// </summary>
    internal static class RunningConfigArgument
    {
        public static ConfigDocument FromObject(object input)
        {
            object value = input is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : input;
            return value is string text
                ? ConfigDocument.FromUser(text, "The text given")
                : ConfigDocument.FromUser(RestBody.ToJsonText(input), "The object given");
        }

        public static ConfigDocument FromPath(PSCmdlet cmdlet, string path) =>
            ConfigDocument.FromFile(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
    }
}
