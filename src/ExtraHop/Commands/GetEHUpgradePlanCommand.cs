using System.Management.Automation;
using ExtraHop.Base;
using ExtraHop.Models;
using ExtraHop.Upgrade;

namespace ExtraHop.Commands
{
    /// <summary>Shows how Invoke-EHFirmwareUpgrade would upgrade these appliances: stages, steps, and every rule checked. Changes nothing.</summary>
    [Cmdlet(VerbsCommon.Get, "EHUpgradePlan")]
    [OutputType(typeof(UpgradePlan))]
    public sealed class GetEHUpgradePlanCommand : UpgradeCommandBase
    {
        protected override void ProcessRecord()
        {
            UpgradeSource? source = SourceOfThisRecord();
            if (source != null) AddTargets(ResolveSessions(Session), source);
        }

        protected override void EndProcessing()
        {
            if (Targets.Count == 0) return;
            UpgradePlan plan = MakePlan(System.Array.Empty<string>()).Plan;
            foreach (UpgradeRuleCheck rule in plan.Rules)
            {
                if (!rule.Passed) WriteWarning($"{rule.Rule}: {rule.Detail}");
            }
            WriteObject(plan);
        }
    }
}
