using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ExtraHop.Simulator.Cli;

/// <summary>Tells the user how to reach the simulated appliances: on the console, and as a JSON file for scripts.</summary>
internal static class ConnectionReport
{
    public static void Print(TextWriter output, SimulatorHost host, string caPath, double timeScale)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ExtraHop appliance simulator: {host.Appliances.Count} appliance(s), time scale {timeScale} (simulated seconds per real second)"));
        output.WriteLine($"CA certificate (trust it to verify TLS): {caPath}");
        output.WriteLine($"  Python requests / official ExtraHop scripts: set REQUESTS_CA_BUNDLE={caPath}");
        output.WriteLine($"Server certificate SHA-256: {host.CertificateSha256}");
        foreach (var appliance in host.Appliances)
        {
            output.WriteLine();
            output.WriteLine($"{appliance.Name} ({appliance.Role}, firmware {appliance.CurrentVersion})");
            output.WriteLine($"  Server:  {appliance.Server}");
            output.WriteLine($"  API key: {appliance.ApiKey}   (user admin, system=full)");
            output.WriteLine($"  Limited API key: {appliance.LimitedApiKey}   (user auditor, write=personal: reads everything, changes nothing)");
            output.WriteLine($"  Setup password: {appliance.SetupPassword}   (user setup, no API key yet: New-EHApiKey or Connect-ExtraHop -SetupPassword)");
            output.WriteLine($"  Connect-ExtraHop -Server {appliance.Server} -ApiKey (ConvertTo-SecureString '{appliance.ApiKey}' -AsPlainText -Force) -CertificateThumbprint {host.CertificateSha256}");
        }

        output.WriteLine();
    }

    public static void WriteInfoFile(string path, SimulatorHost host, string caPath)
    {
        var info = new InfoFile(
            Path.GetFullPath(caPath),
            host.CertificateSha256,
            host.Appliances.Select(a => new ApplianceInfo(a.Name, a.Role.ToString(), a.Server, a.ApiKey, a.LimitedApiKey, a.SetupPassword, a.CurrentVersion)).ToArray());
        File.WriteAllText(path, JsonSerializer.Serialize(info, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true }));
    }

    private sealed record InfoFile(string CaCertificatePath, string CertificateSha256, IReadOnlyList<ApplianceInfo> Appliances);

    private sealed record ApplianceInfo(string Name, string Role, string Server, string ApiKey, string LimitedApiKey, string SetupPassword, string Version);
}
