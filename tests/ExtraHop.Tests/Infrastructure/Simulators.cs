using System.Linq;
using System.Security;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;

namespace ExtraHop.Tests.Infrastructure
{
    /// <summary>Starting simulators and connecting hosted PowerShell to them, the way every cmdlet test begins.</summary>
    public static class Simulators
    {
        /// <summary>Starts appliances on ephemeral loopback ports; fast time so a 20 minute upgrade takes about a second.</summary>
        public static Task<SimulatorHost> StartAsync(double timeScale, params ApplianceOptions[] appliances)
        {
            var options = new SimulatorOptions { TimeScale = timeScale };
            options.Appliances.AddRange(appliances);
            return SimulatorHost.StartAsync(options);
        }

        public static Task<SimulatorHost> StartAsync(params ApplianceOptions[] appliances) => StartAsync(1200, appliances);

        public static ApplianceOptions Sensor(string name = "eh1", string version = "9.8.1.1000") =>
            new ApplianceOptions { Name = name, Role = ExtraHop.Simulator.ApplianceRole.Sensor, Version = version };

        public static ApplianceOptions Recordstore(string name, string cluster, ExtraHop.Simulator.RecordstoreNodeKind kind, bool ingestEnabled = true) =>
            new ApplianceOptions { Name = name, Role = ExtraHop.Simulator.ApplianceRole.Recordstore, ClusterName = cluster, NodeKind = kind, IngestEnabled = ingestEnabled };

        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Connects with the appliance's admin key (passed as a SecureString variable, never in script text) and the pinned certificate.</summary>
        public static ExtraHopSession Connect(this HostedPowerShell shell, SimulatorHost host, SimulatedAppliance appliance, string extraParameters = "")
        {
            shell.SetVariable("ehTestKey", Secure(appliance.ApiKey));
            PsResult result = shell.Invoke(
                $"Connect-ExtraHop -Server '{appliance.Server}' -ApiKey $ehTestKey -CertificateThumbprint '{host.CertificateSha256}' -RetryIntervalSec 0 {extraParameters}");
            result.AssertNoErrors();
            return result.Single<ExtraHopSession>();
        }
    }
}
