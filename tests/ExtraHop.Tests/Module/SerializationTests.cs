using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Module
{
    /// <summary>
    /// What Export-Csv and ConvertTo-Json write of the module's objects. The hosted engine has neither cmdlet, so
    /// these tests check what both read. Export-Csv takes the object's adapted and extended properties, hidden
    /// ones left out (the same set as $o.PSObject.Properties). ConvertTo-Json takes every public .NET property by
    /// reflection, recursing into objects, then adds the non-hidden extended properties. So the session (which
    /// would be serialised whole, again for every object) and the bag of unmodelled fields must be neither public
    /// .NET properties nor visible PowerShell ones; they stay reachable by name, for piping and for scripts.
    /// </summary>
    public sealed class SerializationTests : SimulatorTest
    {
        private static readonly string[] HiddenByName = { "Session", "ExtensionData" };

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"]);
        }

        [Fact]
        public void NoOutputTypeShowsItsSessionOrExtensionDataToExportCsv()
        {
            var types = Shell.Invoke("Get-Command -Module ExtraHop | ForEach-Object { $_.OutputType } | ForEach-Object { $_.Type } | Where-Object { $_ }")
                .Output.Select(o => (Type)o.BaseObject).Where(t => t.Namespace == "ExtraHop.Models").Distinct().ToList();
            Assert.NotEmpty(types);
            // A session cannot be made without connecting; the next test reads a live one.
            foreach (Type type in types.Where(t => t != typeof(ExtraHopSession)))
            {
                string[] names = PropertyNames("[Activator]::CreateInstance($args[0], $true)", type);
                Assert.Empty(names.Intersect(HiddenByName));
            }
        }

        [Fact]
        public void ObjectsReadFromAnApplianceKeepSessionAndExtensionDataByNameOnly()
        {
            string[] names = PropertyNames("Get-EHUser -Name admin");
            Assert.Contains("Server", names);
            Assert.Empty(names.Intersect(HiddenByName));

            PsResult reached = Shell.Invoke("$u = Get-EHUser -Name admin; $u.Session; $u.ExtensionData -is [Collections.IDictionary]; $u.Server").AssertNoErrors();
            Assert.IsType<ExtraHopSession>(reached.Output[0].BaseObject);
            Assert.Equal(true, reached.Output[1].BaseObject);
            Assert.Equal(Sim["eh1"].Server, reached.Output[2].BaseObject);
            Assert.Empty(PropertyNames("Get-EHSession").Intersect(HiddenByName));
        }

        [Fact]
        public void SessionsStillBindSessionByPropertyName()
        {
            // Get-EHUpgradePlan takes -Session only by property name: a piped session must still offer one.
            var plan = Shell.Invoke("Get-EHSession | Get-EHUpgradePlan -Version 9.9.2.1234").AssertNoErrors().Single<UpgradePlan>();
            Assert.Equal(Sim["eh1"].Server, Assert.Single(plan.Appliances).Server);
        }

        /// <summary>ConvertTo-Json's reflection: no public property leads back to a session or into an untyped bag.</summary>
        [Fact]
        public void NoPublicModelPropertyLeadsToASessionOrADictionary()
        {
            var models = typeof(ExtraHopSession).Assembly.GetExportedTypes().Where(t => t.Namespace == "ExtraHop.Models" && t.IsClass).ToList();
            Assert.Contains(typeof(ExtraHopUser), models);
            var offending = models
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
                .Where(x => x.Property.PropertyType == typeof(ExtraHopSession) || typeof(IDictionary).IsAssignableFrom(x.Property.PropertyType)
                    || Array.Exists(x.Property.PropertyType.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(System.Collections.Generic.IDictionary<,>)))
                .Select(x => x.Type.Name + "." + x.Property.Name)
                .ToList();
            Assert.Empty(offending);
        }

        private string[] PropertyNames(string script, params object[] arguments) =>
            Shell.Invoke($"({script}).PSObject.Properties | ForEach-Object {{ $_.Name }}", arguments).AssertNoErrors().Output.Select(o => o.ToString()!).ToArray();
    }
}
