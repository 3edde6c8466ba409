using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

public sealed class SystemAndUserTests
{
    [Theory]
    [InlineData(ApplianceRole.Console, "command")]
    [InlineData(ApplianceRole.Sensor, "discover")]
    [InlineData(ApplianceRole.Recordstore, "explore")]
    [InlineData(ApplianceRole.Packetstore, "trace")]
    public async Task SystemMetadataDescribesTheApplianceWithOrWithoutTrailingSlash(ApplianceRole role, string platform)
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, new ApplianceOptions { Name = "box7", Role = role, Version = "9.7.2.1500" });
        using var client = new SimulatorClient(host);
        var box = host["box7"];

        foreach (var path in new[] { "/api/v1/extrahop", "/api/v1/extrahop/" })
        {
            var system = (await client.GetAsync(box, path)).Json;
            Assert.Equal("9.7.2.1500", system.GetProperty("version").GetString());
            Assert.Equal("box7", system.GetProperty("hostname").GetString());
            Assert.Equal("box7", system.GetProperty("display_host").GetString());
            Assert.Equal(JsonValueKind.String, system.GetProperty("external_hostname").ValueKind);
            Assert.Equal("127.0.0.1", system.GetProperty("mgmt_ipaddr").GetString());
            Assert.Equal(platform, system.GetProperty("platform").GetString());
        }

        Assert.Equal("Reveal(x) Enterprise", (await client.GetAsync(box, "/api/v1/extrahop/edition")).Json.GetProperty("edition").GetString());
        Assert.Equal(platform, (await client.GetAsync(box, "/api/v1/extrahop/platform")).Json.GetProperty("platform").GetString());
        Assert.Equal("9.7.2.1500", (await client.GetAsync(box, "/api/v1/extrahop/version")).Json.GetProperty("version").GetString());
    }

    [Fact]
    public async Task UsersCarryRolesAndTimesAndUnknownUsersAre404()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        var users = (await client.GetAsync(eh1, "/api/v1/users")).Json.EnumerateArray().ToArray();
        Assert.Equal(new[] { "setup", "admin", "auditor", "jsmith" }, users.Select(u => u.GetProperty("username").GetString()));
        foreach (var user in users)
        {
            foreach (var field in new[] { "id", "username", "name", "type", "enabled", "granted_roles", "effective_roles", "creation_date", "last_login_time" })
            {
                Assert.True(user.TryGetProperty(field, out _), $"user field {field}");
            }
        }

        var admin = (await client.GetAsync(eh1, "/api/v1/users/admin")).Json;
        Assert.Equal("full", admin.GetProperty("granted_roles").GetProperty("system").GetString());
        Assert.Equal("full", admin.GetProperty("effective_roles").GetProperty("ndr").GetString());
        var auditor = (await client.GetAsync(eh1, "/api/v1/users/auditor")).Json;
        Assert.Equal("personal", auditor.GetProperty("granted_roles").GetProperty("write").GetString());
        Assert.False(auditor.GetProperty("effective_roles").TryGetProperty("system", out _));
        Assert.Equal("remote", (await client.GetAsync(eh1, "/api/v1/users/jsmith")).Json.GetProperty("type").GetString());

        var missing = await client.GetAsync(eh1, "/api/v1/users/nobody");
        Assert.Equal(404, missing.Status);
        Assert.Contains("nobody", missing.ErrorMessage);
    }

    [Fact]
    public async Task ASystemAdministratorSeesTheLastFourDigitsAndDescriptionOfEveryKey()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        var keys = (await client.GetAsync(eh1, "/api/v1/apikeys")).Json.EnumerateArray().ToArray();

        Assert.Equal(eh1.ApiKey, keys.Single(k => k.GetProperty("username").GetString() == "admin").GetProperty("key").GetString());
        var other = keys.Single(k => k.GetProperty("username").GetString() == "auditor");
        string limited = eh1.LimitedApiKey;
        Assert.Equal(new string('*', limited.Length - 4) + limited[^4..], other.GetProperty("key").GetString());
        Assert.False(string.IsNullOrEmpty(other.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task EveryOtherUserSeesOnlyTheirOwnKeys()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        var response = await client.GetAsync(eh1, "/api/v1/apikeys", eh1.LimitedApiKey);

        Assert.Equal(200, response.Status);
        var own = Assert.Single(response.Json.EnumerateArray());
        Assert.Equal("auditor", own.GetProperty("username").GetString());
        Assert.Equal(eh1.LimitedApiKey, own.GetProperty("key").GetString());
    }

    [Fact]
    public async Task UnknownPathsAndMethodsGetJsonErrors()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        var missing = await client.GetAsync(eh1, "/api/v1/no/such/thing");
        Assert.Equal(404, missing.Status);
        Assert.False(string.IsNullOrEmpty(missing.ErrorMessage));

        var wrongMethod = await client.SendAsync(eh1, HttpMethod.Delete, "/api/v1/extrahop");
        Assert.Equal(405, wrongMethod.Status);
        Assert.False(string.IsNullOrEmpty(wrongMethod.ErrorMessage));
    }

    [Fact]
    public async Task EveryDocumentedOperationIsServed()
    {
        // With the limited key every served change is refused (403), so sweeping the guide changes nothing.
        // Firmware 9.9, whose guide the list follows: earlier firmware lacks the lock operations (404), as the 9.0 guide does.
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor("eh1", "9.9.2.1234"));
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        Assert.Equal(56, DocumentedOperations.All.Count);

        var problems = new List<string>();
        foreach (var operation in DocumentedOperations.All)
        {
            string path = "/api/v1" + Regex.Replace(operation.Path, @"\{[^}]+\}", "1");
            var response = await client.SendAsync(eh1, new HttpMethod(operation.Method), path, apiKey: eh1.LimitedApiKey);
            bool unrouted = response.Status is 405 or 501 || (response.Status == 404 && response.ErrorMessage.StartsWith("The requested resource was not found", StringComparison.Ordinal));
            if (unrouted) problems.Add($"{operation}: {response.Status} {response.Body}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.False(eh1.IsRebooting);
    }

    [Fact]
    public async Task CertificateIsUntrustedByDefaultAndPinnableByItsFingerprint()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        var eh1 = host["eh1"];

        using (var plain = new HttpClient())
        {
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync($"https://{eh1.Server}/api/v1/extrahop"));
            Assert.IsType<AuthenticationException>(error.InnerException);
        }

        Assert.Matches("^[0-9A-F]{64}$", host.CertificateSha256);
        Assert.Equal(host.CertificateSha256, host.ServerCertificate.GetCertHashString(HashAlgorithmName.SHA256));

        string? served = null;
        using var pinned = new HttpClient(new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    served = certificate!.GetCertHashString(HashAlgorithmName.SHA256);
                    return served == host.CertificateSha256;
                },
            },
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{eh1.Server}/api/v1/extrahop");
        request.Headers.TryAddWithoutValidation("Authorization", $"ExtraHop apikey={eh1.ApiKey}");
        Assert.Equal(200, (int)(await pinned.SendAsync(request)).StatusCode);
        Assert.Equal(host.CertificateSha256, served);
    }

    [Fact]
    public async Task CaCertificateIsAProperCaAndTheServerCertificateNamesLocalhost()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());

        using var authority = X509Certificate2.CreateFromPem(host.CaCertificatePem);
        var constraints = authority.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.Critical);
        Assert.True(authority.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));
        Assert.Single(authority.Extensions.OfType<X509SubjectKeyIdentifierExtension>());

        var server = host.ServerCertificate;
        Assert.True(server.HasPrivateKey);
        Assert.True(server.MatchesHostname("localhost"));
        Assert.True(server.MatchesHostname("127.0.0.1"));
        Assert.Contains(server.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        Assert.Single(server.Extensions.OfType<X509AuthorityKeyIdentifierExtension>());
    }

    [Fact]
    public async Task RequestLogRecordsEveryRequestWithJsonBodiesButNoCredentials()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Recordstore("rs1", "c1", RecordstoreNodeKind.Manager));
        using var client = new SimulatorClient(host);
        var rs1 = host["rs1"];

        await client.GetAsync(rs1, "/api/v1/extrahop?probe=1");
        await client.PatchJsonAsync(rs1, "/api/v1/extrahop/cluster", "{\"ingest_enabled\": false}");
        await client.GetAsync(rs1, "/api/v1/users", "bad-key");

        var log = host.RequestLog;
        Assert.Equal(3, log.Count);
        Assert.Equal(("GET", "/api/v1/extrahop?probe=1", 200, (string?)null), (log[0].Method, log[0].Path, log[0].StatusCode, log[0].Body));
        Assert.Equal(("PATCH", 204, "{\"ingest_enabled\": false}"), (log[1].Method, log[1].StatusCode, log[1].Body));
        Assert.Equal(401, log[2].StatusCode);
        Assert.All(log, e => Assert.Equal("rs1", e.Appliance));
        Assert.DoesNotContain(log, e => e.ToString().Contains(rs1.ApiKey, StringComparison.Ordinal));

        host.ResetStatistics();
        Assert.Empty(host.RequestLog);
        Assert.Empty(host.Events);
    }

    [Fact]
    public async Task DisposingTheHostClosesEveryPort()
    {
        var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor("a"), Simulators.Sensor("b"));
        var ports = host.Appliances.Select(a => a.Port).ToArray();

        await host.DisposeAsync();

        foreach (var port in ports)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Assert.ThrowsAny<SocketException>(() => socket.Connect("127.0.0.1", port));
        }
    }
}
