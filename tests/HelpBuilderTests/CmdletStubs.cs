using System;
using System.Management.Automation;
using System.Security;

// Stand-ins for the module's cmdlets: the same names, parameter sets and parameter attributes as the
// cmdlet definitions the help documents, and no behaviour. They serve two purposes:
//  1. DocsMatchDefinitionTests compares every docs/<Cmdlet>.md yaml block with these attributes, so a typo in
//     a type, set, position or pipeline flag fails a test instead of misleading a user.
//  2. GetHelpTests imports this assembly as a binary module and asks Get-Help about these cmdlets, which makes
//     PowerShell read the MAML the builder wrote (HelpBuilderTests.dll-Help.xml) exactly as it will read
//     ExtraHop.dll-Help.xml for the real module.
// When the real module exists, the same comparison can run against its cmdlet classes instead.
namespace ExtraHop
{
#pragma warning disable CA1822 // the stubs' properties exist only for their attributes

    public sealed class ExtraHopSession { }

    public sealed class ExtraHopSystem { }

    public sealed class ExtraHopUser { }

    public sealed class UserRoles { }

    public sealed class FirmwareUpload { }

    public sealed class FirmwareUpgradeResult { }

    public sealed class ExtraHopJob { }

    public sealed class FirmwareRelease { }

    public sealed class FirmwareInfo { }

    public sealed class ClusterIngestState { }

    public sealed class ClusterIngestChange { }

    public sealed class UpgradePlan { }

    public sealed class UpgradeStage { }

    public sealed class UpgradeRuleCheck { }

    [Cmdlet(VerbsCommunications.Connect, "ExtraHop", DefaultParameterSetName = "ApiKey")]
    [OutputType(typeof(ExtraHopSession))]
    public sealed class ConnectExtraHopStub : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Server { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = "ApiKey", ValueFromPipelineByPropertyName = true)]
        public SecureString? ApiKey { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "Credential")]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ClientCredential")]
        public PSCredential? ClientCredential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ClientSecret")]
        public string? ClientId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ClientSecret")]
        public SecureString? ClientSecret { get; set; }

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        public string? CertificateThumbprint { get; set; }

        [Parameter]
        public SwitchParameter NotDefault { get; set; }

        [Parameter]
        public int TimeoutSec { get; set; } = 100;

        [Parameter]
        public Uri? Proxy { get; set; }

        [Parameter]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        [Parameter]
        public int MaximumRetryCount { get; set; } = 3;

        [Parameter]
        public int RetryIntervalSec { get; set; } = 1;
    }

    [Cmdlet(VerbsCommunications.Disconnect, "ExtraHop", DefaultParameterSetName = "Session")]
    public sealed class DisconnectExtraHopStub : PSCmdlet
    {
        [Parameter(ParameterSetName = "Session", Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter(ParameterSetName = "All")]
        public SwitchParameter All { get; set; }
    }

    [Cmdlet(VerbsCommon.Get, "EHSession")]
    [OutputType(typeof(ExtraHopSession))]
    public sealed class GetEHSessionStub : PSCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string[]? Server { get; set; }

        [Parameter]
        public SwitchParameter Default { get; set; }
    }

    [Cmdlet(VerbsCommon.Get, "EHSystem")]
    [OutputType(typeof(ExtraHopSystem))]
    public sealed class GetEHSystemStub : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }
    }

    [Cmdlet(VerbsCommon.Get, "EHUser")]
    [OutputType(typeof(ExtraHopUser))]
    public sealed class GetEHUserStub : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Username")]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }
    }

    [Cmdlet(VerbsCommunications.Send, "EHFirmware", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FirmwareUpload))]
    public sealed class SendEHFirmwareStub : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        public string Path { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }
    }

    [Cmdlet(VerbsLifecycle.Invoke, "EHFirmwareUpgrade", DefaultParameterSetName = "Path", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(FirmwareUpgradeResult), typeof(ExtraHopJob))]
    public sealed class InvokeEHFirmwareUpgradeStub : PSCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = "Path", ValueFromPipelineByPropertyName = true)]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = "Uri", ValueFromPipelineByPropertyName = true)]
        public Uri? Uri { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "Version", ValueFromPipelineByPropertyName = true)]
        public string Version { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = "UploadedImage")]
        public SwitchParameter UploadedImage { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Server { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SecureString? ApiKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CertificateThumbprint { get; set; }

        [Parameter]
        public SwitchParameter SkipCompatibilityCheck { get; set; }

        [Parameter]
        public string? TargetVersion { get; set; }

        [Parameter]
        public string[]? ManagerNode { get; set; }

        [Parameter]
        public int ThrottleLimit { get; set; } = 4;

        [Parameter]
        public int TimeoutSec { get; set; } = 3600;

        [Parameter]
        public double PollIntervalSec { get; set; } = 5;

        [Parameter]
        public SwitchParameter NoWait { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }
    }

    [Cmdlet(VerbsLifecycle.Wait, "EHJob", DefaultParameterSetName = "Job")]
    [OutputType(typeof(ExtraHopJob))]
    public sealed class WaitEHJobStub : PSCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = "Job", Position = 0, ValueFromPipeline = true)]
        public ExtraHopJob[]? Job { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "Id", Position = 0)]
        public string Id { get; set; } = string.Empty;

        [Parameter(ParameterSetName = "Id", ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        public int TimeoutSec { get; set; } = 3600;

        [Parameter]
        public double PollIntervalSec { get; set; } = 5;
    }

    [Cmdlet(VerbsCommon.Get, "EHJob")]
    [OutputType(typeof(ExtraHopJob))]
    public sealed class GetEHJobStub : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string[]? Id { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }
    }

    [Cmdlet(VerbsCommon.Get, "EHFirmware", DefaultParameterSetName = "Running")]
    [OutputType(typeof(FirmwareInfo), typeof(FirmwareRelease))]
    public sealed class GetEHFirmwareStub : PSCmdlet
    {
        [Parameter(ParameterSetName = "Available")]
        public SwitchParameter Available { get; set; }

        [Parameter(ParameterSetName = "Previous")]
        public SwitchParameter Previous { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }
    }

    [Cmdlet(VerbsCommon.Undo, "EHFirmwareUpgrade", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(FirmwareUpgradeResult), typeof(ExtraHopJob))]
    public sealed class UndoEHFirmwareUpgradeStub : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter NoWait { get; set; }

        [Parameter]
        public int TimeoutSec { get; set; } = 3600;

        [Parameter]
        public double PollIntervalSec { get; set; } = 5;
    }

    [Cmdlet(VerbsCommon.Get, "EHClusterIngest")]
    [OutputType(typeof(ClusterIngestState))]
    public sealed class GetEHClusterIngestStub : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }
    }

    [Cmdlet(VerbsCommon.Set, "EHClusterIngest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ClusterIngestChange))]
    public sealed class SetEHClusterIngestStub : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public bool Enabled { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }
    }

    [Cmdlet(VerbsCommon.Get, "EHUpgradePlan", DefaultParameterSetName = "Path")]
    [OutputType(typeof(UpgradePlan))]
    public sealed class GetEHUpgradePlanStub : PSCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = "Path", ValueFromPipelineByPropertyName = true)]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = "Uri", ValueFromPipelineByPropertyName = true)]
        public Uri? Uri { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "Version", ValueFromPipelineByPropertyName = true)]
        public string Version { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ExtraHopSession[]? Session { get; set; }

        [Parameter]
        public string? TargetVersion { get; set; }

        [Parameter]
        public string[]? ManagerNode { get; set; }

        [Parameter]
        public SwitchParameter SkipCompatibilityCheck { get; set; }
    }

#pragma warning restore CA1822
}
