using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Enables or disables services of an appliance. Only the services named are sent; a name the appliance does not
    /// report is refused before anything is sent, and -WhatIf shows each change against what the appliance has now.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EHService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ExtraHopService))]
    public sealed class SetEHServiceCommand : ExtraHopCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(BooleanCompleter))]
        public bool Enabled { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!TryRun(session, token => ServiceApi.GetAllAsync(session, token), out List<ExtraHopService> current)) continue;
                var changes = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
                var described = new List<string>();
                foreach (string name in Name)
                {
                    ExtraHopService? service = current.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
                    if (service == null)
                    {
                        WriteError(new ErrorRecord(
                            new ArgumentException($"{session.Server} has no service named '{name}'; nothing was changed for it. Its services: {string.Join(", ", current.Select(s => s.Name))}."),
                            ErrorIds.UnknownService, ErrorCategory.ObjectNotFound, name));
                        continue;
                    }
                    if (changes.ContainsKey(service.Name)) continue;
                    changes[service.Name] = Enabled;
                    described.Add($"{service.Name} enabled {Text(service.Enabled)} -> {Text(Enabled)}");
                }
                if (changes.Count == 0) continue;
                if (!ShouldProcess($"services of {session.Server}", "Set " + string.Join(", ", described))) continue;
                if (!TryRun(session, async token =>
                {
                    await ServiceApi.SetEnabledAsync(session, changes, token).ConfigureAwait(false);
                    return PassThru ? await ServiceApi.GetAllAsync(session, token).ConfigureAwait(false) : null;
                }, out List<ExtraHopService>? after)) continue;
                if (after != null) WriteObject(after.Where(s => changes.ContainsKey(s.Name)), enumerateCollection: true);
            }
        }

        private static string Text(bool? value) => value == null ? "unknown" : value.Value ? "True" : "False";
    }
}
