using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Microsoft.PowerShell.Commands;

namespace ExtraHop.Tests.Infrastructure
{
    /// <summary>
    /// Objects formatted by the engine's own format data as `Out-String -Width N` (or Out-File, or a transcript of
    /// that width) would print them. The hosted engine has no Microsoft.PowerShell.Utility, so this drives the
    /// formatter those cmdlets share: the engine's Out-LineOutput cmdlet writing to its text-writer line output,
    /// which is internal to System.Management.Automation and reached by reflection.
    /// </summary>
    public static class RenderedText
    {
        private const string TextWriterLineOutput = "Microsoft.PowerShell.Commands.Internal.Format.TextWriterLineOutput";

        /// <summary>The lines the objects print as, at <paramref name="width"/> columns, trailing spaces removed.</summary>
        public static IReadOnlyList<string> Render(this HostedPowerShell shell, int width, IEnumerable<object> objects)
        {
            var writer = new StringWriter();
            Type lineOutputType = typeof(PSObject).Assembly.GetType(TextWriterLineOutput, throwOnError: true)!;
            object lineOutput = Activator.CreateInstance(
                lineOutputType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new object[] { writer, width }, null)!;

            using (PowerShell pipeline = PowerShell.Create())
            {
                pipeline.Runspace = shell.Runspace;
                pipeline.AddCommand(new CmdletInfo("Out-LineOutput", typeof(OutLineOutputCommand))).AddParameter("LineOutput", lineOutput);
                pipeline.Invoke(objects);
                if (pipeline.Streams.Error.Count > 0)
                {
                    throw new Xunit.Sdk.XunitException("Formatting wrote errors:\n" + string.Join("\n", pipeline.Streams.Error));
                }
            }
            return writer.ToString().Split('\n').Select(line => line.TrimEnd('\r', ' ')).ToList();
        }
    }
}
