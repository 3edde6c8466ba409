using System;
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
        // Test appliances get ports below the operating system's ephemeral range (32768 and up on Linux), handed
        // out once per process. A rebooting appliance closes its port; with an ephemeral port, a simulator starting
        // in a parallel test could be given that port and answer the rebooting appliance's clients.
        private static int nextPort = 20000 + Environment.ProcessId % 500 * 20;

        /// <summary>Starts appliances on loopback ports of their own; fast time so a 20 minute upgrade takes about a second.</summary>
        public static async Task<SimulatorHost> StartAsync(double timeScale, params ApplianceOptions[] appliances)
        {
            for (int attempt = 0; ; attempt++)
            {
                var options = new SimulatorOptions { TimeScale = timeScale };
                foreach (ApplianceOptions appliance in appliances)
                {
                    if (attempt > 0 || appliance.Port == 0) appliance.Port = NextPort();
                    options.Appliances.Add(appliance);
                }
                try
                {
                    return await SimulatorHost.StartAsync(options);
                }
                catch (System.IO.IOException) when (attempt < 5)
                {
                    // Another program on this machine holds one of those ports: take the next ones.
                }
            }
        }

        private static int NextPort()
        {
            int port = System.Threading.Interlocked.Increment(ref nextPort);
            return 20000 + (port - 20000) % 12000;
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

        /// <summary>
        /// Connects with the key of the appliance's "auditor" (no system privilege), without changing the default
        /// session, and keeps the session in $limited for the test's scripts.
        /// </summary>
        public static ExtraHopSession ConnectLimited(this HostedPowerShell shell, SimulatorHost host, SimulatedAppliance appliance)
        {
            shell.SetVariable("ehTestLimitedKey", Secure(appliance.LimitedApiKey));
            PsResult result = shell.Invoke(
                $"$global:limited = Connect-ExtraHop -Server '{appliance.Server}' -ApiKey $ehTestLimitedKey -CertificateThumbprint '{host.CertificateSha256}' -NotDefault -RetryIntervalSec 0; $limited");
            result.AssertNoErrors();
            return result.Single<ExtraHopSession>();
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
