using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

/// <summary>The simulator's API keys, the setup user's first key, the lockout and the 9.9 lock operations, over raw HTTP.</summary>
public sealed class ApiKeyWireTests
{
    [Fact]
    public async Task EveryUserSeesItsOwnKeysAndSystemAdministratorsTheLastFourOfTheOthers()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        var own = (await client.GetAsync(eh1, "/api/v1/apikeys", eh1.LimitedApiKey)).Json.EnumerateArray().Single();
        Assert.Equal(eh1.LimitedApiKey, own.GetProperty("key").GetString());
        Assert.Equal(403, (await client.GetAsync(eh1, "/api/v1/users/admin/apikeys", eh1.LimitedApiKey)).Status);
        Assert.Equal(404, (await client.GetAsync(eh1, "/api/v1/apikeys/1", eh1.LimitedApiKey)).Status);

        var other = (await client.GetAsync(eh1, "/api/v1/apikeys/2")).Json;
        Assert.Equal(new string('*', 36) + eh1.LimitedApiKey[^4..], other.GetProperty("key").GetString());
        Assert.Equal("Simulator auditor key", other.GetProperty("description").GetString());
        var byUser = (await client.GetAsync(eh1, "/api/v1/users/auditor/apikeys/2")).Json;
        Assert.Equal(2, byUser.GetProperty("id").GetInt32());
        Assert.Equal(404, (await client.GetAsync(eh1, "/api/v1/users/admin/apikeys/2")).Status);
    }

    [Fact]
    public async Task TheSetupKeyNeedsThePasswordAndNoAuthorizationAndIsMadeOnce()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        string body = $$"""{"password":"{{eh1.SetupPassword}}"}""";

        Assert.Equal(400, (await client.PostJsonAsync(eh1, "/api/v1/apikeys", body)).Status);
        var created = await client.SendAsync(eh1.Server, HttpMethod.Post, "/api/v1/apikeys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), string.Empty);
        Assert.Equal(201, created.Status);
        Assert.Equal("setup", created.Json.GetProperty("username").GetString());
        Assert.Equal($"/api/v1/apikeys/{created.Json.GetProperty("id").GetInt32()}", created.Location);
        string key = created.Json.GetProperty("key").GetString()!;
        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/users", key)).Status);

        var again = await client.SendAsync(eh1.Server, HttpMethod.Post, "/api/v1/apikeys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), string.Empty);
        Assert.Contains("already has an API key", again.ErrorMessage);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheSetupAccountAndUnlockingLetsTheRightOneIn()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor("eh1", "9.9.2.1234"));
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        Task<ApiResponse> Try(string password) =>
            client.SendAsync(eh1.Server, HttpMethod.Post, "/api/v1/apikeys", new StringContent($$"""{"password":"{{password}}"}""", System.Text.Encoding.UTF8, "application/json"), string.Empty);

        for (int attempt = 1; attempt <= 4; attempt++)
        {
            var refused = await Try("wrong");
            Assert.Equal((401, "Invalid password for the setup user"), (refused.Status, refused.ErrorMessage));
        }
        Assert.Contains("now locked", (await Try("wrong")).ErrorMessage);
        var locked = await Try(eh1.SetupPassword);
        Assert.Equal(403, locked.Status);

        var status = (await client.GetAsync(eh1, "/api/v1/users/setup/lock")).Json;
        Assert.True(status.GetProperty("locked").GetBoolean());
        Assert.Equal(5, status.GetProperty("failed_login_attempts").GetInt32());
        Assert.Equal(403, (await client.SendAsync(eh1, HttpMethod.Delete, "/api/v1/users/setup/lock", apiKey: eh1.LimitedApiKey)).Status);

        Assert.Equal(204, (await client.SendAsync(eh1, HttpMethod.Delete, "/api/v1/users/setup/lock")).Status);

        Assert.False((await client.GetAsync(eh1, "/api/v1/users/setup/lock")).Json.GetProperty("locked").GetBoolean());
        Assert.Equal(201, (await Try(eh1.SetupPassword)).Status);
    }

    [Fact]
    public async Task FirmwareBefore99HasNoLockOperations()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor("old", "9.0.1.100"));
        using var client = new SimulatorClient(host);

        var answer = await client.GetAsync(host["old"], "/api/v1/users/setup/lock");
        Assert.Equal(404, answer.Status);
        Assert.Contains("resource was not found", answer.ErrorMessage);
        Assert.Equal(404, (await client.SendAsync(host["old"], HttpMethod.Delete, "/api/v1/users/setup/lock")).Status);
    }
}
