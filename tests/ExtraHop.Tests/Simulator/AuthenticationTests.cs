using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

public sealed class AuthenticationTests
{
    private const string ClientId = "rx360-client";
    private const string ClientSecret = "rx360-secret-value";

    [Fact]
    public async Task ApiKeyInTheExtraHopSchemeIsAcceptedAndAnythingElseGets401WithErrorMessage()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, new ApplianceOptions { Name = "eh1", ApiKey = "known-admin-key-0123456789abcdef0123" });
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        Assert.Equal("known-admin-key-0123456789abcdef0123", eh1.ApiKey);
        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/extrahop")).Status);
        Assert.Equal(200, (await client.SendAsync(eh1, HttpMethod.Get, "/api/v1/extrahop", authorization: $"extrahop APIKEY={eh1.ApiKey}")).Status);

        foreach (var authorization in new[] { "ExtraHop apikey=wrong", $"Bearer {eh1.ApiKey}", eh1.ApiKey, $"ExtraHop key={eh1.ApiKey}" })
        {
            var response = await client.SendAsync(eh1, HttpMethod.Get, "/api/v1/extrahop", authorization: authorization);
            Assert.Equal(401, response.Status);
            Assert.Equal("application/json", response.ContentType);
            Assert.False(string.IsNullOrEmpty(response.ErrorMessage));
        }
    }

    [Fact]
    public async Task GeneratedKeysAreLongRandomAndDifferPerAppliance()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor("a"), Simulators.Sensor("b"));

        var keys = new HashSet<string> { host["a"].ApiKey, host["a"].LimitedApiKey, host["b"].ApiKey, host["b"].LimitedApiKey };
        Assert.Equal(4, keys.Count);
        Assert.All(keys, k => Assert.True(k.Length >= 32));
    }

    [Fact]
    public async Task TenantIssuesTokensForBasicOrFormCredentialsAndAcceptsOnlyThoseTokens()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Tenant());
        using var client = new SimulatorClient(host);
        var tenant = host["tenant"];

        var viaBasic = await RequestTokenAsync(client, tenant, basic: true);
        Assert.Equal(200, viaBasic.Status);
        Assert.Equal("Bearer", viaBasic.Json.GetProperty("token_type").GetString());
        Assert.Equal(3600, viaBasic.Json.GetProperty("expires_in").GetInt32());
        var token = viaBasic.Json.GetProperty("access_token").GetString()!;

        var viaForm = await RequestTokenAsync(client, tenant, basic: false);
        Assert.Equal(200, viaForm.Status);

        var system = await client.SendAsync(tenant, HttpMethod.Get, "/api/v1/users", authorization: $"Bearer {token}");
        Assert.Equal(200, system.Status); // tokens act as the admin user

        var withKey = await client.GetAsync(tenant, "/api/v1/extrahop");
        Assert.Equal(401, withKey.Status);
        Assert.Equal("Invalid access token", withKey.ErrorMessage);
    }

    [Fact]
    public async Task BadClientCredentialsGet400InvalidClient()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Tenant());
        using var client = new SimulatorClient(host);

        var response = await RequestTokenAsync(client, host["tenant"], basic: true, secret: "wrong");

        Assert.Equal(400, response.Status);
        Assert.Equal("invalid_client", response.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ExpiredOrRevokedTokensGet401InvalidAccessToken()
    {
        var options = Tenant();
        options.TokenLifetimeSeconds = 1;
        await using var host = await Simulators.StartAsync(Wire.Fast, options);
        using var client = new SimulatorClient(host);
        var tenant = host["tenant"];

        var shortLived = (await RequestTokenAsync(client, tenant, basic: true)).Json.GetProperty("access_token").GetString()!;
        Assert.Equal(200, (await client.SendAsync(tenant, HttpMethod.Get, "/api/v1/extrahop", authorization: $"Bearer {shortLived}")).Status);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var expired = await client.SendAsync(tenant, HttpMethod.Get, "/api/v1/extrahop", authorization: $"Bearer {shortLived}");
        Assert.Equal(401, expired.Status);
        Assert.Equal("Invalid access token", expired.ErrorMessage);

        var fresh = (await RequestTokenAsync(client, tenant, basic: false)).Json.GetProperty("access_token").GetString()!;
        tenant.ExpireTokens();
        Assert.Equal(401, (await client.SendAsync(tenant, HttpMethod.Get, "/api/v1/extrahop", authorization: $"Bearer {fresh}")).Status);
    }

    [Fact]
    public async Task AppliancesWithoutClientCredentialsHaveNoTokenEndpoint()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);

        Assert.Equal(404, (await RequestTokenAsync(client, host["eh1"], basic: true)).Status);
    }

    [Fact]
    public async Task SystemEndpointsNeedSystemPrivilegeButBasicFactsDoNot()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];

        foreach (var open in new[] { "/api/v1/extrahop", "/api/v1/extrahop/", "/api/v1/extrahop/edition", "/api/v1/extrahop/platform", "/api/v1/extrahop/version" })
        {
            Assert.Equal(200, (await client.GetAsync(eh1, open, eh1.LimitedApiKey)).Status);
        }

        foreach (var guarded in new[] { "/api/v1/users", "/api/v1/users/admin", "/api/v1/jobs", "/api/v1/extrahop/firmware", "/api/v1/extrahop/firmware/next" })
        {
            var response = await client.GetAsync(eh1, guarded, eh1.LimitedApiKey);
            Assert.Equal(403, response.Status);
            Assert.False(string.IsNullOrEmpty(response.ErrorMessage));
        }

        Assert.Equal(403, (await client.PostEmptyAsync(eh1, "/api/v1/extrahop/restart", eh1.LimitedApiKey)).Status);
        Assert.False(eh1.IsRebooting);
    }

    private static ApplianceOptions Tenant() =>
        new() { Name = "tenant", ClientId = ClientId, ClientSecret = ClientSecret };

    private static Task<ApiResponse> RequestTokenAsync(SimulatorClient client, SimulatedAppliance appliance, bool basic, string secret = ClientSecret)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        string? authorization = null;
        if (basic)
        {
            authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{secret}"));
        }
        else
        {
            fields["client_id"] = ClientId;
            fields["client_secret"] = secret;
        }

        var content = new FormUrlEncodedContent(fields);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return client.SendAsync(appliance, HttpMethod.Post, "/oauth2/token", content, authorization: authorization ?? string.Empty);
    }
}
