using System;
using System.Linq;
using System.Management.Automation;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// JSON answers as the PowerShell objects Invoke-EHRestMethod writes, for shapes the simulator never sends (a name
    /// given twice). The conversion is internal to the module, so it is reached through the module that PowerShell loaded.
    /// </summary>
    public sealed class JsonObjectsTests : IDisposable
    {
        private const string Convert = @"
            $module = [ExtraHop.Commands.InvokeEHRestMethodCommand].Assembly
            $client = $module.GetReferencedAssemblies() | Where-Object Name -eq 'ExtraHop.Client' | ForEach-Object { [System.Reflection.Assembly]::Load($_) }
            $flags = [System.Reflection.BindingFlags]'NonPublic, Public, Static'
            $tree = $client.GetType('ExtraHop.Json.JsonTree').GetMethod('Parse', $flags).Invoke($null, @(, $args[0]))
            , $module.GetType('ExtraHop.Base.JsonObjects').GetMethod('ToPowerShell', $flags).Invoke($null, @(, $tree))";

        private readonly HostedPowerShell shell = new HostedPowerShell();

        public void Dispose() => shell.Dispose();

        private PSObject ToPowerShell(string json) => shell.Invoke(Convert, json).AssertNoErrors().Output.Single();

        [Fact]
        public void ObjectsBecomeCustomObjectsWithTheirFieldsInOrderAndArraysObjectArrays()
        {
            PSObject result = ToPowerShell(@"{""b"": 1, ""a"": [{""x"": ""y""}, 2], ""c"": null}");

            Assert.IsType<PSCustomObject>(result.BaseObject);
            Assert.Equal(new[] { "b", "a", "c" }, result.Properties.Select(p => p.Name));
            Assert.Equal(1L, result.Properties["b"].Value);
            var items = (object?[])result.Properties["a"].Value!;
            Assert.Equal("y", ((PSObject)items[0]!).Properties["x"].Value);
            Assert.Equal(2L, items[1]);
            Assert.Null(result.Properties["c"].Value);
        }

        [Theory]
        [InlineData(3)]
        [InlineData(40)]
        public void ANameGivenTwiceKeepsItsFirstValueWhateverTheCaseAndTheObjectsSize(int otherFields)
        {
            string others = string.Concat(Enumerable.Range(0, otherFields).Select(i => $@"""f{i}"": {i}, "));
            PSObject result = ToPowerShell($@"{{""id"": 1, {others}""ID"": 2, ""Id"": 3}}");

            Assert.Equal(otherFields + 1, result.Properties.Count());
            Assert.Equal("id", result.Properties.First().Name);
            Assert.Equal(1L, result.Properties["id"].Value);
            Assert.Equal(otherFields - 1L, result.Properties[$"f{otherFields - 1}"].Value);
        }
    }
}
