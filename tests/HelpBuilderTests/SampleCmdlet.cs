using System.Management.Automation;

namespace HelpBuilderTests
{
    public sealed class Widget { }

    /// <summary>The cmdlet TestData/Get-HbtWidget.md documents: it uses the features the real docs do not
    /// (a parameter whose attributes differ per set, accepted values, an online address).</summary>
    [Cmdlet(VerbsCommon.Get, "HbtWidget", DefaultParameterSetName = "ByName")]
    [OutputType(typeof(Widget))]
    public sealed class GetHbtWidgetCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByName", ValueFromPipeline = true)]
        [Parameter(ParameterSetName = "ByColor")]
        [Alias("WidgetName")]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ByColor")]
        [ValidateSet("Red", "Green", "Blue")]
        public string? Color { get; set; }

        [Parameter]
        public int Limit { get; set; } = 10;

        [Parameter]
        public SwitchParameter Force { get; set; }
    }
}
