using System;
using System.Management.Automation;
using ExtraHop.Api;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Enables or disables the ticketing integration and sets the template of a ticket's address. Only what is given
    /// is sent; -WhatIf shows each change against what the appliance has now.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EHTicketing", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ExtraHopTicketing))]
    public sealed class SetEHTicketingCommand : ExtraHopCmdlet
    {
        [Parameter]
        [ArgumentCompleter(typeof(BooleanCompleter))]
        public bool Enabled { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UrlTemplate { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ExtraHopSession[]? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPrepare(UrlTemplate, BuildChanges, out TicketingChanges changes)) return;

            foreach (ExtraHopSession session in ResolveSessions(Session))
            {
                if (!TryRun(session, token => TicketingApi.GetAsync(session, token), out ExtraHopTicketing current)) continue;
                if (!ShouldProcess($"ticketing of {session.Server}", "Set " + changes.Describe(current))) continue;
                ChangeThenPassThru(session,
                    token => TicketingApi.SetAsync(session, changes, token),
                    PassThru,
                    token => TicketingApi.GetAsync(session, token));
            }
        }

        private TicketingChanges BuildChanges()
        {
            var changes = new TicketingChanges
            {
                Enabled = MyInvocation.BoundParameters.ContainsKey(nameof(Enabled)) ? Enabled : (bool?)null,
                UrlTemplate = UrlTemplate,
            };
            if (UrlTemplate != null) TicketingChanges.ValidateTemplate(UrlTemplate);
            if (changes.IsEmpty) throw new ArgumentException("Nothing to change: give -Enabled or -UrlTemplate.");
            return changes;
        }
    }
}
