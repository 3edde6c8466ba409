using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

/// <summary>The simulator's user operations over raw HTTP, with the REST API guide's privilege rules.</summary>
public sealed class UserAdministrationWireTests
{
    [Fact]
    public async Task CreatingAUserChecksTheBodyAndRefusesATakenName()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        async Task<(int Status, string Message)> Post(string json)
        {
            var answer = await client.PostJsonAsync(eh1, "/api/v1/users", json);
            return (answer.Status, answer.Status >= 400 ? answer.ErrorMessage : string.Empty);
        }

        Assert.Equal(400, (await Post("""{"username":"a","name":"A","password":"p","colour":"red"}""")).Status);
        Assert.Contains("Unknown privilege family 'admin'", (await Post("""{"username":"a","name":"A","password":"p","granted_roles":{"admin":"full"}}""")).Message);
        Assert.Contains("'limited' is not a level of privilege family 'metrics'", (await Post("""{"username":"a","name":"A","password":"p","granted_roles":{"metrics":"limited"}}""")).Message);
        Assert.Contains("local user needs a password", (await Post("""{"username":"a","name":"A"}""")).Message);
        Assert.Contains("remote user has no local password", (await Post("""{"username":"a","name":"A","type":"remote","password":"p"}""")).Message);
        Assert.Contains("Invalid username", (await Post("""{"username":"a/b","name":"A","password":"p"}""")).Message);
        Assert.Equal(409, (await Post("""{"username":"Admin","name":"A","password":"p"}""")).Status);

        var created = await client.PostJsonAsync(eh1, "/api/v1/users", """{"username":"jdoe","name":"Jane","password":"p","granted_roles":{"write":"full","ndr":null},"create_apikey":true}""");
        Assert.Equal(201, created.Status);
        Assert.Equal("/api/v1/users/jdoe", created.Location);
        var key = created.Json.GetProperty("key").GetString()!;
        Assert.Equal("jdoe", created.Json.GetProperty("username").GetString());
        var me = await client.GetAsync(eh1, "/api/v1/apikeys", key);
        Assert.Equal(key, me.Json.EnumerateArray().Single().GetProperty("key").GetString());
        var user = (await client.GetAsync(eh1, "/api/v1/users/jdoe")).Json;
        Assert.Equal("full", user.GetProperty("granted_roles").GetProperty("write").GetString());
        Assert.False(user.GetProperty("granted_roles").TryGetProperty("ndr", out _));
    }

    [Fact]
    public async Task WithoutSystemPrivilegeAUserMayChangeOnlyItsOwnPassword()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        string limited = eh1.LimitedApiKey;

        Assert.Equal(403, (await client.PostJsonAsync(eh1, "/api/v1/users", """{"username":"x","name":"X","password":"p"}""", limited)).Status);
        Assert.Equal(403, (await client.PatchJsonAsync(eh1, "/api/v1/users/admin", """{"password":"p"}""", limited)).Status);
        Assert.Equal(403, (await client.PatchJsonAsync(eh1, "/api/v1/users/auditor", """{"password":"p","enabled":true}""", limited)).Status);
        Assert.Equal(403, (await client.SendAsync(eh1, HttpMethod.Delete, "/api/v1/users/jsmith", apiKey: limited)).Status);
        Assert.Equal(204, (await client.PatchJsonAsync(eh1, "/api/v1/users/auditor", """{"password":"new-one"}""", limited)).Status);
        Assert.Equal(400, (await client.PatchJsonAsync(eh1, "/api/v1/users/jsmith", """{"password":"p"}""")).Status);
    }

    [Fact]
    public async Task DeletingRefusesTheSetupUserYourselfAndBadTransfersAndEndsTheUsersKeys()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        var created = await client.PostJsonAsync(eh1, "/api/v1/users", """{"username":"ops","name":"Ops","password":"p","granted_roles":{"system":"full"},"create_apikey":true}""");
        string opsKey = created.Json.GetProperty("key").GetString()!;

        Task<ApiResponse> Delete(string path) => client.SendAsync(eh1, HttpMethod.Delete, path);

        Assert.Contains("setup user cannot be deleted", (await Delete("/api/v1/users/setup")).ErrorMessage);
        Assert.Contains("your own account", (await client.SendAsync(eh1, HttpMethod.Delete, "/api/v1/users/ops", apiKey: opsKey)).ErrorMessage);
        Assert.Contains("another user", (await Delete("/api/v1/users/ops?dest_user=OPS")).ErrorMessage);
        Assert.Contains("'ghost' does not exist", (await Delete("/api/v1/users/ops?dest_user=ghost")).ErrorMessage);
        Assert.Equal(404, (await Delete("/api/v1/users/ghost")).Status);
        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/extrahop", opsKey)).Status);

        Assert.Equal(204, (await Delete("/api/v1/users/ops?dest_user=admin")).Status);

        Assert.Equal(401, (await client.GetAsync(eh1, "/api/v1/extrahop", opsKey)).Status);
        Assert.DoesNotContain("ops", eh1.Usernames);
    }

    [Fact]
    public async Task ADisabledAccountsKeysStopWorkingUntilItIsEnabledAgain()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        Assert.Equal(204, (await client.PatchJsonAsync(eh1, "/api/v1/users/auditor", """{"enabled":false}""")).Status);
        var refused = await client.GetAsync(eh1, "/api/v1/extrahop", eh1.LimitedApiKey);
        Assert.Equal((401, "The account 'auditor' is disabled"), (refused.Status, refused.ErrorMessage));

        Assert.Equal(204, (await client.PatchJsonAsync(eh1, "/api/v1/users/auditor", """{"enabled":true}""")).Status);
        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/extrahop", eh1.LimitedApiKey)).Status);
    }

    [Fact]
    public async Task TheRequestLogShowsWhichFieldsWereSentButNeverAPassword()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        await client.PostJsonAsync(eh1, "/api/v1/users", """{"username":"jdoe","name":"J","password":"hunter2-secret"}""");
        await client.PatchJsonAsync(eh1, "/api/v1/users/jdoe", """{"password":"hunter3-secret","name":"Jane"}""");
        await client.PostJsonAsync(eh1, "/api/v1/apikeys", $$"""{"password":"{{eh1.SetupPassword}}"}""");

        var log = host.RequestLog;
        Assert.Equal("""{"username":"jdoe","name":"J","password":"***"}""", log[0].Body);
        Assert.Equal("""{"password":"***","name":"Jane"}""", log[1].Body);
        Assert.Null(log[2].Body);
        string all = string.Join("\n", log.Select(e => e.ToString()));
        Assert.DoesNotContain("secret", all, StringComparison.Ordinal);
        Assert.DoesNotContain(eh1.SetupPassword, all, StringComparison.Ordinal);
    }
}
